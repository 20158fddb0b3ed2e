// Builds the two committed bundles with ncc: dist/index.js (the action) and dist/cli/index.js (the CLI).
// `node scripts/bundle.mjs <outDir>` builds elsewhere; check-dist uses that to compare against dist/.
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdtempSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '..');
const target = resolve(process.argv[2] ?? join(root, 'dist'));
const ncc = join(root, 'node_modules', '@vercel', 'ncc', 'dist', 'ncc', 'cli.js');

// Build beside the target and swap at the end, so dist/ is never half-written while something runs it.
const out = mkdtempSync(join(dirname(target), '.bundle-'));
for (const [entry, dir] of [
  ['src/index.ts', out],
  ['src/cli.ts', join(out, 'cli')],
]) {
  const r = spawnSync(
    process.execPath,
    [ncc, 'build', entry, '-o', dir, '--license', 'licenses.txt', '--quiet'],
    {
      cwd: root,
      stdio: 'inherit',
    },
  );
  if (r.status !== 0) {
    rmSync(out, { recursive: true, force: true });
    console.error(`ncc failed for ${entry}`);
    process.exit(r.status ?? 1);
  }
}
// The CLI bundle is run directly as a bin: it needs a shebang and the executable bit.
const cli = join(out, 'cli', 'index.js');
const text = readFileSync(cli, 'utf8');
if (!text.startsWith('#!')) writeFileSync(cli, `#!/usr/bin/env node\n${text}`);
chmodSync(cli, 0o755);
rmSync(target, { recursive: true, force: true });
renameSync(out, target);
console.log(`bundled into ${target}`);
