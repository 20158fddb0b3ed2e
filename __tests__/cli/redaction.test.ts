// Security item 9 for the CLI: a secret in --smoke-command (a token shape, or the GH_TOKEN value) never
// appears in clear in the plan, its --json form, the audit line, nor in what --apply leaves on disk.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitFixture } from '../support/git-fixture.js';
import { cli } from './support.js';

const PAT = 'ghp_' + 'CliPlanSecretValue0123456789abcdefghij'.slice(0, 36);
const GH_TOKEN = 'cli-env-token-Value-0123456789';
const COMMAND = `node -e "console.log('${PAT}', '${GH_TOKEN}')"`;

/** Every file under `dir`, recursively, as text. */
function filesText(dir: string): string {
  return readdirSync(dir, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => readFileSync(join(e.parentPath, e.name), 'utf8'))
    .join('\n');
}

describe('CLI redaction', () => {
  let fx: GitFixture;
  let sha: string;
  beforeAll(() => {
    fx = GitFixture.create();
    sha = fx.commit('a commit to smoke', { 'a.txt': 'a\n' });
    fx.push();
  });
  afterAll(() => fx.cleanup());

  it('plan (text and --json), the audit line and an applied run keep the secrets out', () => {
    const env = { GH_TOKEN };
    const plan = cli(['run', '--merge-commit', sha, '--smoke-command', COMMAND], fx.work, env);
    const json = cli(['run', '--merge-commit', sha, '--json', '--smoke-command', COMMAND], fx.work, env);
    const applied = cli(['run', '--merge-commit', sha, '--apply', '--smoke-command', COMMAND], fx.work, env);
    expect([plan.code, json.code, applied.code]).toEqual([0, 0, 0]);
    // The plan does show the command, redacted.
    expect(plan.stdout + plan.stderr).toContain("console.log('***', '***')");
    const everything = [plan, json, applied].map((r) => r.stdout + r.stderr).join('\n');
    const onDisk = filesText(join(fx.work, '.post-merge-smoke'));
    expect(onDisk).toContain('"status": "PASS"');
    for (const secret of [PAT, GH_TOKEN]) {
      expect([secret, everything.includes(secret), onDisk.includes(secret)]).toEqual([secret, false, false]);
    }
  });
});
