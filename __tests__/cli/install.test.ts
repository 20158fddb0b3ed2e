// An installable CLI (issue 11, point 4): `npm install -g` of the repository or of its packed tarball, and
// `npx`, give a `post-merge-smoke` command. Offline: the bundle carries every dependency, so an install
// fetches nothing. Installs go into a temporary prefix and cache, never the machine's own.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GitFixture } from '../support/git-fixture.js';
import { CLI } from './support.js';

const posix = process.platform === 'win32' ? describe.skip : describe;
const ROOT = process.cwd();
const VERSION = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;

function npm(args: string[], cwd: string, cacheDir: string): string {
  const env = { ...process.env, npm_config_cache: cacheDir, npm_config_update_notifier: 'false' };
  return execFileSync('npm', [...args, '--offline', '--no-audit', '--no-fund'], {
    cwd,
    env,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
    timeout: 120_000,
  });
}

function command(bin: string, args: string[], cwd: string) {
  const r = spawnSync(bin, args, {
    cwd,
    encoding: 'utf8',
    timeout: 60_000,
    env: { ...process.env, GH_TOKEN: '' },
  });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

posix('installing the CLI', () => {
  let tmp: string;
  let tarball: string;
  let fx: GitFixture;
  beforeAll(() => {
    if (!existsSync(CLI)) throw new Error('run `npm run bundle` first');
    tmp = mkdtempSync(join(tmpdir(), 'pms-install-'));
    const packed = JSON.parse(
      npm(['pack', '--json', '--pack-destination', tmp], ROOT, join(tmp, 'cache')),
    ) as {
      filename: string;
      files: { path: string }[];
    }[];
    tarball = join(tmp, packed[0]!.filename);
    fx = GitFixture.create();
    fx.commit('config', {
      '.github/post-merge-smoke.yml': 'version: 1\nprofiles:\n  a: { command: node -e 0 }\ndefault: a\n',
    });
    fx.push();
  });
  afterAll(() => {
    rmSync(tmp, { recursive: true, force: true });
    fx.cleanup();
  });

  it('packs the CLI bundle and its schemas, nothing else of the repository', () => {
    const listing = execFileSync('tar', ['-tzf', tarball], { encoding: 'utf8' }).split('\n').filter(Boolean);
    expect(listing).toContain('package/dist/cli/index.js');
    expect(listing).toContain('package/schemas/smoke-result.schema.json');
    expect(listing.filter((f) => /^package\/(src|__tests__|node_modules|dist\/index\.js)/.test(f))).toEqual(
      [],
    );
  });

  it.each([
    ['the packed tarball', () => tarball],
    ['the repository', () => ROOT],
  ])('npm install -g %s puts post-merge-smoke on the PATH', (_what, source) => {
    const prefix = mkdtempSync(join(tmp, 'prefix-'));
    npm(['install', '--global', '--prefix', prefix, source()], tmp, join(tmp, 'cache'));
    const bin = join(prefix, 'bin', 'post-merge-smoke');
    expect(command(bin, ['--version'], fx.work)).toMatchObject({
      code: 0,
      stdout: `post-merge-smoke ${VERSION}\n`,
    });
    const validate = command(bin, ['validate'], fx.work);
    expect([validate.code, validate.stdout]).toEqual([
      0,
      expect.stringMatching(/^✔ the configuration is valid/),
    ]);
  });

  it('npx runs it from the tarball', () => {
    const out = npm(
      ['exec', '--yes', `--package=${tarball}`, '--', 'post-merge-smoke', '--version'],
      fx.work,
      join(tmp, 'npx-cache'),
    );
    expect(out).toBe(`post-merge-smoke ${VERSION}\n`);
  });
});
