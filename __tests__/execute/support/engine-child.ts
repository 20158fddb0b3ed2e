// Runs the engine in its own node process (started with `node --import tsx`) so a test can read the peak
// resident memory of a run that prints gigabytes. Prints one JSON line: the run and VmHWM in KiB.
import { readFileSync } from 'node:fs';
import { runSmoke } from '../../../src/execute/index.js';

const [command, dir, maxOutputBytes, logMaxBytes] = process.argv.slice(2);
const run = await runSmoke({
  command,
  shell: 'bash',
  workingDirectory: dir,
  timeoutSeconds: 300,
  killGraceSeconds: 1,
  maxOutputBytes: Number(maxOutputBytes),
  logMaxBytes: Number(logMaxBytes),
  logDir: `${dir}/logs`,
  env: { ...process.env },
  retries: 0,
  retryOn: 'timeout',
});
const status = readFileSync('/proc/self/status', 'utf8');
const hwmKiB = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
process.stdout.write(JSON.stringify({ run, hwmKiB }) + '\n');
