// Action entry: the runner executes dist/index.js, built from this file.
import { run } from './main.js';

void run().finally(() => {
  // Let stdout drain (the runner reads it through a pipe), then leave even if a keep-alive socket lingers.
  process.stdout.write('', () => process.exit());
});
