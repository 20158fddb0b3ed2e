// Fails when dist/ is not exactly what `npm run bundle` produces from the current sources.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const fresh = mkdtempSync(join(tmpdir(), 'pms-dist-'));
const build = spawnSync(process.execPath, [join(root, 'scripts', 'bundle.mjs'), fresh], { stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);

const files = (dir) =>
  existsSync(dir)
    ? readdirSync(dir, { recursive: true })
        .map((f) => join(dir, String(f)))
        .filter((f) => statSync(f).isFile())
        .map((f) => relative(dir, f).split('\\').join('/'))
        .sort()
    : [];
const committed = files(join(root, 'dist'));
const built = files(fresh);
const problems = [];
for (const f of built) {
  if (!committed.includes(f)) problems.push(`missing from dist/: ${f}`);
  else if (!readFileSync(join(fresh, f)).equals(readFileSync(join(root, 'dist', f))))
    problems.push(`differs: dist/${f}`);
}
for (const f of committed) if (!built.includes(f)) problems.push(`stale file in dist/: ${f}`);
rmSync(fresh, { recursive: true, force: true });
if (problems.length) {
  console.error('dist/ is out of date. Run `npm run bundle` and commit dist/.');
  for (const p of problems) console.error(`  ${p}`);
  process.exit(1);
}
console.log(`dist/ is fresh (${built.length} files).`);
