// What a local run makes of how the script ended: a mistake of the user is refused (exit 2, nothing
// written), a verdict about the commit is published, a plan publishes nothing. Pure.
import { describe, expect, it } from '@jest/globals';
import { mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pruneRuns } from '../../src/cli/audit.js';
import { judgeLocally, localWording, type LocalContext } from '../../src/cli/local.js';
import type { RunEnd } from '../../src/modes/run.js';
import { workspaceRefusals } from '../../src/modes/stages/commit.js';
import { emptyFacts, type RunFacts } from '../../src/pipeline/facts.js';
import type { ScriptEnd } from '../../src/pipeline/runner.js';
import type { Verdict } from '../../src/pipeline/stage.js';
import { localContext, parseSettings, type InputName } from '../../src/settings/index.js';

const SHA = '0123456789abcdef0123456789abcdef01234567';

function ctx(inputs: Partial<Record<InputName, string>> = {}, apply = true): LocalContext {
  const { settings } = parseSettings(
    (name) => ({ 'merge-commit': SHA, ...inputs })[name],
    localContext('/r'),
  );
  settings.baseBranch = 'main' as never;
  return { apply, settings };
}

function stopped(verdict: Verdict, facts: Partial<RunFacts> = {}): ScriptEnd<RunEnd> {
  return {
    kind: 'stopped',
    verdict,
    facts: { ...emptyFacts(false), mergeCommit: SHA, baseBranch: 'main', ...facts },
  };
}

const v = (status: Verdict['status'], reason: Verdict['reason'], message = 'm'): Verdict => ({
  status,
  reason,
  message,
});

describe('judgeLocally', () => {
  it.each([
    ['a flag value', v('BLOCKED', 'invalid_input', "Input 'base-branch': branch 'main' does not exist."), {}],
    ['HEAD elsewhere or a dirty tree', v('ERROR', 'workspace_mismatch'), {}],
    ['a typo in --profile', v('BLOCKED', 'unknown_profile'), { profile: 'quik' }],
  ])('refuses %s: exit 2, nothing published', (_what, verdict, inputs) => {
    const outcome = judgeLocally(stopped(verdict), ctx(inputs));
    expect(outcome.kind).toBe('refused');
  });

  it('names the flag instead of the action input', () => {
    const outcome = judgeLocally(
      stopped(
        v(
          'BLOCKED',
          'invalid_input',
          "Input 'base-branch': branch 'main' on remote 'origin' does not exist.",
        ),
      ),
      ctx(),
    );
    expect(outcome).toMatchObject({
      kind: 'refused',
      message: "--base-branch: branch 'main' on remote 'origin' does not exist.",
      hint: expect.stringContaining('git ls-remote --heads origin'),
    });
  });

  it('an unknown profile the configuration names is a real BLOCKED, published with --apply', () => {
    expect(judgeLocally(stopped(v('BLOCKED', 'unknown_profile')), ctx())).toMatchObject({
      kind: 'verdict',
      publish: true,
    });
  });

  it('publishes with --apply only verdicts about the commit; a plan publishes nothing', () => {
    const about = [v('BLOCKED', 'no_command'), v('BLOCKED', 'invalid_config'), v('STALE', 'superseded')];
    for (const verdict of about) {
      expect(judgeLocally(stopped(verdict), ctx())).toMatchObject({ kind: 'verdict', publish: true });
      expect(judgeLocally(stopped(verdict), ctx({}, false))).toMatchObject({
        kind: 'verdict',
        publish: false,
      });
    }
    // The machine's trouble before anything ran is not main's.
    for (const verdict of [
      v('ERROR', 'head_unreachable'),
      v('ERROR', 'git_failed'),
      v('CANCELLED', 'cancelled'),
    ]) {
      expect(judgeLocally(stopped(verdict), ctx())).toMatchObject({ kind: 'verdict', publish: false });
    }
  });

  it('explains --on-stale run for a local STALE, and why a shallow plan may see diverged', () => {
    const superseded = judgeLocally(
      stopped(v('STALE', 'superseded', 'The head moved on: a newer run covers the newer head.')),
      ctx({}, false),
    );
    expect(superseded).toMatchObject({
      verdict: { message: 'The head moved on.' },
      hint: expect.stringMatching(
        /--merge-commit origin\/main, or pass --on-stale run to test 0123456789ab anyway/,
      ),
    });
    const rewound = judgeLocally(stopped(v('STALE', 'rewound')), ctx({}, false));
    expect(rewound).toMatchObject({
      hint: expect.stringMatching(/ahead of origin\/main \(not pushed yet\?\)/),
    });
  });
});

describe('localWording', () => {
  it('names flags for inputs that have one, and leaves the others', () => {
    expect(
      localWording(v('BLOCKED', 'invalid_input', "Input 'merge-commit' and input 'github-token'")).message,
    ).toBe("--merge-commit and input 'github-token'");
    expect(
      localWording(v('BLOCKED', 'unknown_profile', "Profile 'x' (selected by the input 'profile')")).message,
    ).toBe("Profile 'x' (selected by --profile)");
  });
});

describe('workspaceRefusals', () => {
  const at = { head: SHA, sha: SHA, dirtyFiles: [] as string[], allowDirty: false };
  it('is empty at the commit with a clean tree, or with changes allowed', () => {
    expect(workspaceRefusals(at)).toEqual([]);
    expect(workspaceRefusals({ ...at, dirtyFiles: ['a'], allowDirty: true })).toEqual([]);
  });
  it('names HEAD elsewhere and the uncommitted files, with what to do', () => {
    const refusals = workspaceRefusals({
      head: 'f'.repeat(40),
      sha: SHA,
      dirtyFiles: ['a', 'b', 'c', 'd', 'e', 'f', 'g'],
      allowDirty: false,
    });
    expect(refusals).toEqual([
      `The repository is at ffffffffffff, not at the merge commit 0123456789ab; check it out first (git switch --detach ${SHA}).`,
      'The working tree has uncommitted changes (a, b, c, d, e and 2 more): they would run with the smoke but are not part of 0123456789ab. Commit or stash them, or pass --allow-dirty.',
    ]);
  });
});

describe('pruneRuns', () => {
  it('keeps the newest run folders and leaves anything else alone', async () => {
    const repo = mkdtempSync(join(tmpdir(), 'pms-prune-'));
    try {
      const runs = join(repo, '.post-merge-smoke', 'runs');
      const names = Array.from({ length: 5 }, (_, i) => `2026-01-0${i + 1}T10-00-00-000Z`);
      for (const n of [...names, 'keep-me']) mkdirSync(join(runs, n), { recursive: true });
      const removed = await pruneRuns(repo, 2);
      expect(removed.map((p) => p.slice(runs.length + 1))).toEqual(names.slice(0, 3));
      expect(readdirSync(runs).sort()).toEqual([...names.slice(3), 'keep-me'].sort());
    } finally {
      rmSync(repo, { recursive: true, force: true });
    }
  });
});
