// Action entry: the runner executes dist/index.js, built from this file.
// First: the event-file guard must run before any module that loads @actions/github.
import { restoreEventPath } from './event-file-guard.js';
import { run } from './main.js';

restoreEventPath();
void run().finally(() => {
  // Let stdout drain (the runner reads it through a pipe), then leave even if a keep-alive socket lingers.
  process.stdout.write('', () => process.exit());
});
