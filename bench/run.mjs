#!/usr/bin/env node
// Runs every benchmark in bench/ (each `bench/*.mjs` except this file), one after the other, passing the
// command-line options through: `node bench/run.mjs [--quick] [--strict]` (or `npm run bench`).
import { spawnSync } from 'node:child_process';
import { readdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const self = fileURLToPath(import.meta.url);
const dir = dirname(self);
const benches = readdirSync(dir)
  .filter((f) => f.endsWith('.mjs') && f !== basename(self))
  .sort();

let failed = 0;
for (const file of benches) {
  console.log(`\n=== ${file} ===`);
  const r = spawnSync(process.execPath, [join(dir, file), ...process.argv.slice(2)], { stdio: 'inherit' });
  if (r.status !== 0) {
    failed++;
    console.error(`${file} exited with ${r.status ?? r.signal}`);
  }
}
console.log(`\n${benches.length - failed} of ${benches.length} benchmark(s) succeeded.`);
process.exitCode = failed > 0 ? 1 : 0;
