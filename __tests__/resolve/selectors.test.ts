import { describe, expect, it } from '@jest/globals';
import type { PullRequestInfo } from '../../src/adapters/github.js';
import { mustParse, parseProfileName, parseTaskId } from '../../src/domain/index.js';
import {
  findSelectors,
  findTaskIdInText,
  parseTrailers,
  prBodyProfiles,
  type SelectorInput,
} from '../../src/resolve/index.js';
import { DEFAULT_TASK_ID_PATTERN } from '../../src/settings/index.js';
import { pattern } from '../support/pattern.js';

const PATTERN = pattern(DEFAULT_TASK_ID_PATTERN);

function pr(over: Partial<PullRequestInfo> = {}): PullRequestInfo {
  return {
    number: 63,
    title: 'post merge smoke runner',
    body: null,
    headRef: 'feature/runner',
    baseRef: 'main',
    state: 'closed',
    mergedAt: '2026-05-09T10:00:00Z',
    mergeCommitSha: 'a'.repeat(40),
    htmlUrl: 'https://github.com/o/r/pull/63',
    ...over,
  };
}

function input(over: Partial<SelectorInput> = {}): SelectorInput {
  return { taskId: null, profile: null, taskIdPattern: PATTERN, commitMessage: 'subject', pr: null, ...over };
}

describe('parseTrailers', () => {
  it('reads the last paragraph when every line is a trailer', () => {
    const msg =
      'Subject (#63)\n\nBody text.\n\nTask-Id: task-2512\nsmoke-profile: api\nCo-authored-by: A <a@x>\n';
    expect(parseTrailers(msg)).toEqual([
      { key: 'Task-Id', value: 'task-2512', line: 5 },
      { key: 'smoke-profile', value: 'api', line: 6 },
      { key: 'Co-authored-by', value: 'A <a@x>', line: 7 },
    ]);
  });

  it('has no trailers in a subject-only message or a prose last paragraph', () => {
    expect(parseTrailers('Task-Id: task-1\n')).toEqual([]);
    expect(parseTrailers('Subject\n\nTask-Id: task-1\nand some prose here\n')).toEqual([]);
  });

  it('joins continuation lines and skips the cherry-pick note', () => {
    const msg = 'S\n\nNote: one\n  two\n(cherry picked from commit abc)\nTask-Id: task-3\n';
    expect(parseTrailers(msg)).toEqual([
      { key: 'Note', value: 'one two', line: 3 },
      { key: 'Task-Id', value: 'task-3', line: 6 },
    ]);
  });
});

describe('findTaskIdInText', () => {
  it('finds whole-word matches that fully match the pattern', () => {
    expect(findTaskIdInText('task-2512: runner (#63)', PATTERN)).toBe('task-2512');
    expect(findTaskIdInText('fix for task-2509+2 and task-1', PATTERN)).toBe('task-2509+2');
    expect(findTaskIdInText('feature/task-2512-dev3', PATTERN)).toBe('task-2512');
    expect(findTaskIdInText('subtask-12 then task-7', PATTERN)).toBe('task-7');
    expect(findTaskIdInText('no id here', PATTERN)).toBeNull();
  });

  it('survives patterns that can match the empty string', () => {
    expect(findTaskIdInText('abc T-9', pattern('(T-[0-9]+)?'))).toBe('T-9');
  });
});

describe('prBodyProfiles', () => {
  it('reads Smoke-Profile lines', () => {
    expect(prBodyProfiles('Text\n  smoke-profile: api  \r\nSmoke-Profile: api\n')).toEqual(['api']);
    expect(prBodyProfiles(null)).toEqual([]);
  });
});

describe('findSelectors', () => {
  it('takes the task id from the input first', () => {
    const r = findSelectors(
      input({
        taskId: mustParse(parseTaskId, 'task-1'),
        commitMessage: 'S\n\nTask-Id: task-2\n',
        pr: pr({ title: 'task-3' }),
      }),
    );
    expect(r.taskId).toEqual({ value: 'task-1', source: "the input 'task-id'" });
    expect(r.notes).toContain("task id task-1 from the input 'task-id'");
  });

  it('then the Task-Id trailer (case-insensitive)', () => {
    const r = findSelectors(
      input({ commitMessage: 'task-9 subject\n\ntask-id: task-2\n', pr: pr({ title: 'task-3' }) }),
    );
    expect(r.taskId).toEqual({ value: 'task-2', source: 'the Task-Id trailer' });
  });

  it('then the commit message, PR title, head branch, PR body, in that order', () => {
    const all = { title: 'task-3 title', headRef: 'task-4-branch', body: 'for task-5' };
    expect(findSelectors(input({ commitMessage: 'task-2 (#63)', pr: pr(all) })).taskId?.value).toBe('task-2');
    expect(findSelectors(input({ pr: pr(all) })).taskId).toEqual({
      value: 'task-3',
      source: 'the PR #63 title',
    });
    expect(findSelectors(input({ pr: pr({ ...all, title: 'x' }) })).taskId).toEqual({
      value: 'task-4',
      source: 'the PR #63 head branch',
    });
    expect(findSelectors(input({ pr: pr({ ...all, title: 'x', headRef: 'y' }) })).taskId).toEqual({
      value: 'task-5',
      source: 'the PR #63 body',
    });
    const none = findSelectors(input({ pr: pr({ title: 'x', headRef: 'y', body: 'z' }) }));
    expect(none.taskId).toBeNull();
    expect(none.taskIdProblem).toBeNull();
    expect(none.notes.join('\n')).toMatch(/no task id/);
  });

  it('refuses a trailer that does not fully match the pattern or is unsafe', () => {
    const bad = findSelectors(input({ commitMessage: 'S\n\nTask-Id: ../../etc/passwd\n' }));
    expect(bad.taskId).toBeNull();
    expect(bad.taskIdProblem).toMatch(
      /Task id '\.\.\/\.\.\/etc\/passwd' from the Task-Id trailer may only use/,
    );
    const noMatch = findSelectors(input({ commitMessage: 'S\n\nTask-Id: task-12x\n' }));
    expect(noMatch.taskIdProblem).toMatch(/does not match task-id-pattern/);
  });

  it('refuses conflicting Task-Id trailers', () => {
    const r = findSelectors(input({ commitMessage: 'S\n\nTask-Id: task-1\nTask-Id: task-2\n' }));
    expect(r.taskIdProblem).toMatch(/conflicting Task-Id trailers: task-1, task-2/);
  });

  it('refuses an unsafe id found by a permissive pattern', () => {
    const r = findSelectors(input({ taskIdPattern: pattern('t/[a-z.]+'), commitMessage: 'see t/../x' }));
    expect(r.taskIdProblem).toMatch(/from the commit message may only use/);
  });

  it('refuses ids starting with a dot', () => {
    const r = findSelectors(
      input({ taskIdPattern: pattern('\\.[a-z]+'), commitMessage: 'S\n\nTask-Id: .hidden\n' }),
    );
    expect(r.taskIdProblem).toMatch(/must not start with '\.'/);
  });

  it('takes the task id from the --task-file name as a last resort', () => {
    const r = findSelectors(input({ taskFileOverride: { path: 'memory/tasks/task-2512.md' } }));
    expect(r.taskId).toEqual({ value: 'task-2512', source: 'the task file name task-2512.md' });
    const other = findSelectors(input({ taskFileOverride: { path: 'notes.md' } }));
    expect(other.taskId).toBeNull();
  });

  it('takes the profile from the input, then the trailer, then the PR body', () => {
    const body = pr({ body: 'Smoke-Profile: from-body' });
    const msg = 'S\n\nSmoke-Profile: from-trailer\n';
    expect(
      findSelectors(input({ profile: mustParse(parseProfileName, 'in'), commitMessage: msg, pr: body }))
        .profile,
    ).toEqual({
      value: 'in',
      source: "the input 'profile'",
    });
    expect(findSelectors(input({ commitMessage: msg, pr: body })).profile?.value).toBe('from-trailer');
    expect(findSelectors(input({ pr: body })).profile).toEqual({
      value: 'from-body',
      source: 'a Smoke-Profile line in the PR #63 body',
    });
    expect(findSelectors(input({ pr: pr() })).profile).toBeNull();
  });

  it('marks a profile from a PR-body line (it is trusted only if the body was not edited after the merge)', () => {
    const body = pr({ body: 'Smoke-Profile: from-body' });
    expect(findSelectors(input({ pr: body })).profileFromPrBody).toBe(true);
    const trailer = findSelectors(input({ commitMessage: 'S\n\nSmoke-Profile: t\n', pr: body }));
    expect(trailer.profileFromPrBody).toBe(false);
    expect(findSelectors(input({ pr: pr({ body: 'Smoke-Profile: a b' }) })).profileFromPrBody).toBe(false);
  });

  it('reports unusable or conflicting profile selectors', () => {
    expect(findSelectors(input({ commitMessage: 'S\n\nSmoke-Profile: a b\n' })).profileProblem).toMatch(
      /Profile 'a b' from the Smoke-Profile trailer is not a profile name/,
    );
    expect(
      findSelectors(input({ pr: pr({ body: 'Smoke-Profile: a\nSmoke-Profile: b' }) })).profileProblem,
    ).toMatch(/conflicting Smoke-Profile lines: a, b/);
  });
});
