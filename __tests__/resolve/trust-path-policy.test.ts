import { describe, expect, it } from '@jest/globals';
import { mustParse, parseTaskId, type TaskId } from '../../src/domain/index.js';
import {
  applyPolicy,
  buildTaskPath,
  judgeBodyEdits,
  judgePrBodyTrust,
  type ResolveOutcome,
} from '../../src/resolve/index.js';

const id = (text: string) => mustParse(parseTaskId, text);

describe('judgePrBodyTrust', () => {
  const merged = '2026-05-09T10:00:00Z';

  it('refuses when pr-body-command is not allowed', () => {
    const v = judgePrBodyTrust(false, 12, { lastEditedAt: null, mergedAt: merged });
    expect(v).toEqual({ trusted: false, message: expect.stringMatching(/input 'pr-body-command' is false/) });
  });

  it('refuses a body edited after the merge, saying when', () => {
    const v = judgePrBodyTrust(true, 12, { lastEditedAt: '2026-05-09T10:00:01Z', mergedAt: merged });
    expect(v.trusted).toBe(false);
    expect(!v.trusted && v.message).toBe(
      'PR #12 body was edited at 2026-05-09T10:00:01Z, after the merge at 2026-05-09T10:00:00Z: the command may not be what was reviewed.',
    );
  });

  it('trusts a body edited before (or at) the merge', () => {
    expect(
      judgePrBodyTrust(true, 12, { lastEditedAt: '2026-05-09T09:00:00Z', mergedAt: merged }).trusted,
    ).toBe(true);
    expect(judgePrBodyTrust(true, 12, { lastEditedAt: merged, mergedAt: merged }).trusted).toBe(true);
  });

  it('trusts a body that was never edited', () => {
    expect(judgePrBodyTrust(true, 12, { lastEditedAt: null, mergedAt: merged })).toEqual({
      trusted: true,
      note: expect.stringMatching(/never edited/),
    });
  });

  it('refuses an unmerged PR', () => {
    const v = judgePrBodyTrust(true, 12, { lastEditedAt: null, mergedAt: null });
    expect(!v.trusted && v.message).toMatch(/PR #12 is not merged/);
  });

  it('applies the same edit rule to a Smoke-Profile line, which no input gates', () => {
    const late = { lastEditedAt: '2026-05-09T10:00:01Z', mergedAt: merged };
    expect(judgeBodyEdits(12, late, 'Smoke-Profile line')).toEqual({
      trusted: false,
      message:
        'PR #12 body was edited at 2026-05-09T10:00:01Z, after the merge at 2026-05-09T10:00:00Z: the Smoke-Profile line may not be what was reviewed.',
    });
    expect(judgeBodyEdits(12, { lastEditedAt: merged, mergedAt: merged }, 'Smoke-Profile line').trusted).toBe(
      true,
    );
  });

  it('refuses unknown or unreadable times', () => {
    expect(judgePrBodyTrust(true, 12, null).trusted).toBe(false);
    expect(judgePrBodyTrust(true, 12, { lastEditedAt: 'yesterday', mergedAt: merged }).trusted).toBe(false);
    expect(judgePrBodyTrust(true, 12, { lastEditedAt: null, mergedAt: 'soon' }).trusted).toBe(false);
  });
});

describe('buildTaskPath', () => {
  it('substitutes and normalises', () => {
    expect(buildTaskPath('memory/tasks/{task_id}.md', id('task-2512'))).toEqual({
      ok: true,
      path: 'memory/tasks/task-2512.md',
    });
    expect(buildTaskPath('./docs//{task_id}/{task_id}.md', id('task-1+2'))).toEqual({
      ok: true,
      path: 'docs/task-1+2/task-1+2.md',
    });
  });

  it('refuses task ids that could move the path', () => {
    // A TaskId only comes from parseTaskId, which refuses all of these …
    for (const raw of ['../x', '..', '.', '.hidden', 'a/b', 'a\\b', '', 'x y']) {
      expect(parseTaskId(raw).ok).toBe(false);
    }
    // … and should one get through, the path built from it still may not leave the repository.
    for (const raw of ['../x', '../../etc/passwd']) {
      expect(buildTaskPath('memory/tasks/{task_id}.md', raw as TaskId).ok).toBe(false);
    }
    expect(buildTaskPath('{task_id}/smoke.md', '..' as TaskId).ok).toBe(false);
  });

  it('refuses templates that leave the repository', () => {
    for (const t of [
      '/etc/{task_id}',
      '../{task_id}.md',
      'a/../../{task_id}',
      'C:/x/{task_id}',
      'a\\{task_id}',
    ]) {
      const r = buildTaskPath(t, id('task-1'));
      expect(r).toEqual({ ok: false, message: expect.stringMatching(/the task file is not read/) });
    }
    expect(buildTaskPath('tasks/', id('task-1')).ok).toBe(false);
  });
});

describe('applyPolicy (SPEC §2 / §10)', () => {
  const ctx = { taskId: id('task-1'), profile: null, notes: [] };
  const command: ResolveOutcome = {
    kind: 'command',
    command: 'make smoke',
    source: 'registry',
    options: { timeoutSeconds: null, shell: null, workingDirectory: null },
    ...ctx,
  };
  const none: ResolveOutcome = { kind: 'none', message: 'No smoke command resolved: nothing.', ...ctx };

  it('dry-run true, no command → SKIPPED no_command', () => {
    expect(applyPolicy(true, none)).toEqual({
      kind: 'skip',
      status: 'SKIPPED',
      reason: 'no_command',
      message: expect.stringMatching(
        /^Skipped: no smoke command .* dry-run is true\. No smoke command resolved/,
      ),
    });
  });

  it('dry-run true, command → run it', () => {
    expect(applyPolicy(true, command)).toMatchObject({
      kind: 'run',
      command: 'make smoke',
      source: 'registry',
    });
  });

  it('dry-run false, no command → BLOCKED no_command', () => {
    expect(applyPolicy(false, none)).toEqual({
      kind: 'block',
      status: 'BLOCKED',
      reason: 'no_command',
      message: expect.stringMatching(/^Blocked: no smoke command .* dry-run is false/),
    });
  });

  it('dry-run false, command → run it (PASS required)', () => {
    expect(applyPolicy(false, command)).toMatchObject({
      kind: 'run',
      message: expect.stringMatching(/PASS is required/),
    });
  });

  it.each(['unknown_profile', 'untrusted_source', 'invalid_config', 'invalid_input'] as const)(
    'a BLOCKED %s outcome stays BLOCKED whatever dry-run says',
    (reason) => {
      const outcome: ResolveOutcome = { kind: 'blocked', reason, message: 'why', ...ctx };
      for (const dryRun of [true, false]) {
        expect(applyPolicy(dryRun, outcome)).toEqual({
          kind: 'block',
          status: 'BLOCKED',
          reason,
          message: 'why',
        });
      }
    },
  );
});
