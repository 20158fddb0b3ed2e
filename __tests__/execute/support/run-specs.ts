// Runs the engine in its own node process (`node --import tsx`), e.g. as an unprivileged user. argv[2]: JSON
// array of {spec, options}; prints one JSON line: the runs, in order.
import { runSmoke, type EngineOptions, type SmokeSpec } from '../../../src/execute/index.js';

const jobs = JSON.parse(process.argv[2]) as Array<{ spec: SmokeSpec; options?: EngineOptions }>;
const runs = [];
for (const { spec, options } of jobs)
  runs.push(await runSmoke({ ...spec, env: { ...process.env } }, options));
process.stdout.write(JSON.stringify(runs) + '\n');
