import { describe, expect, it, jest } from '@jest/globals';
import type { PullEditTimes, PullRequestInfo } from '../../src/adapters/github.js';
import {
  mustParse,
  parseProfileName,
  parseRepoPath,
  parseTaskId,
  type TaskId,
} from '../../src/domain/index.js';
import {
  ConfigError,
  ResolveInfraError,
  resolveCommand,
  TreeReadError,
  type ResolveInput,
  type ResolveOutcome,
  type TreeReader,
} from '../../src/resolve/index.js';
import { DEFAULT_REGISTRY_PATH, DEFAULT_TASK_ID_PATTERN } from '../../src/settings/index.js';
import { FailingTree, MemoryTree } from './support/memory-tree.js';
import { pattern } from '../support/pattern.js';

const REGISTRY = DEFAULT_REGISTRY_PATH;
const TASK_PATH = 'memory/tasks/{task_id}.md';
const MERGED_AT = '2026-05-09T10:00:00Z';

const FULL_REGISTRY = `version: 1
defaults: { timeout-seconds: 600, shell: bash }
profiles:
  p-input: { command: from input profile }
  p-trailer: { command: from trailer profile }
  p-body: { command: from pr body profile }
  p-taskfile: { command: from task file profile }
  p-task: { command: from tasks mapping, timeout-seconds: 120, working-directory: services/api }
  p-default: { command: from default profile }
tasks:
  task-7: p-task
  task-99: ghost          # an unrelated broken mapping
default: p-default
`;

const TASK_FILE =
  '# task-7\n\n```yaml\nexpected_files: [a.py]\n```\n\n```yaml\nsmoke_command: from task file\n```\n';

function pr(body: string | null, over: Partial<PullRequestInfo> = {}): PullRequestInfo {
  return {
    number: 12,
    title: 'Runner for task-7',
    body,
    headRef: 'feature/runner',
    baseRef: 'main',
    state: 'closed',
    mergedAt: MERGED_AT,
    mergeCommitSha: 'b'.repeat(40),
    htmlUrl: 'https://github.com/o/r/pull/12',
    ...over,
  };
}

const PR_BODY_BLOCK = '```post-merge-smoke\ncommand: from pr body\ntimeout-seconds: 30\n```';

/** The inputs settings parse, as plain strings: makeInput parses them the way settings do. */
type Over = Omit<Partial<ResolveInput>, 'taskId' | 'profile' | 'registryPath'> & {
  taskId?: string | null;
  profile?: string | null;
  registryPath?: string;
  files?: Record<string, string>;
};

function makeInput(over: Over = {}): {
  input: ResolveInput;
  tree: MemoryTree;
  loadTimes: jest.Mock<() => Promise<PullEditTimes>>;
} {
  const { files, taskId, profile, registryPath, ...rest } = over;
  const tree = new MemoryTree(files ?? { [REGISTRY]: FULL_REGISTRY });
  const loadTimes = jest.fn(async (): Promise<PullEditTimes> => ({
    lastEditedAt: null,
    mergedAt: MERGED_AT,
  }));
  const input: ResolveInput = {
    smokeCommand: null,
    profile: profile == null ? null : mustParse(parseProfileName, profile),
    taskId: taskId == null ? null : mustParse(parseTaskId, taskId),
    taskIdPattern: pattern(DEFAULT_TASK_ID_PATTERN),
    registryPath: mustParse(parseRepoPath, registryPath ?? REGISTRY),
    taskPath: TASK_PATH,
    prBodyCommand: true,
    commitMessage: 'Add runner (#12)',
    pr: null,
    loadPrEditTimes: loadTimes,
    tree,
    ...rest,
  };
  return { input, tree, loadTimes };
}

function expectCommand(outcome: ResolveOutcome) {
  if (outcome.kind !== 'command') throw new Error(`expected a command, got ${JSON.stringify(outcome)}`);
  return outcome;
}
function expectBlocked(outcome: ResolveOutcome) {
  if (outcome.kind !== 'blocked') throw new Error(`expected blocked, got ${JSON.stringify(outcome)}`);
  return outcome;
}

describe('resolveCommand: precedence (SPEC §6), first hit wins', () => {
  // Every step can answer; each row removes the step(s) above it, so each row shows that its step wins over
  // all lower steps — and the row before shows that the next higher step wins over it.
  interface Setup {
    smokeCommand: boolean;
    inputProfile: boolean;
    trailerProfile: boolean;
    bodyProfile: boolean;
    taskFile: boolean;
    tasksMapping: boolean;
    bodyCommand: boolean;
    defaultProfile: boolean;
  }
  const all: Setup = {
    smokeCommand: true,
    inputProfile: true,
    trailerProfile: true,
    bodyProfile: true,
    taskFile: true,
    tasksMapping: true,
    bodyCommand: true,
    defaultProfile: true,
  };
  function scenario(s: Setup) {
    let registry = FULL_REGISTRY;
    if (!s.tasksMapping) registry = registry.replace('  task-7: p-task\n', '');
    if (!s.defaultProfile) registry = registry.replace('default: p-default\n', '');
    const files: Record<string, string> = { [REGISTRY]: registry };
    if (s.taskFile) files['memory/tasks/task-7.md'] = TASK_FILE;
    const body = [s.bodyProfile ? 'Smoke-Profile: p-body' : '', s.bodyCommand ? PR_BODY_BLOCK : ''].join(
      '\n\n',
    );
    return makeInput({
      files,
      smokeCommand: s.smokeCommand ? 'from input' : null,
      profile: s.inputProfile ? 'p-input' : null,
      commitMessage: `Add runner (#12)\n\nTask-Id: task-7${s.trailerProfile ? '\nSmoke-Profile: p-trailer' : ''}\n`,
      pr: pr(body),
    });
  }

  it('1. the smoke-command input wins over everything', async () => {
    const out = expectCommand(await resolveCommand(scenario(all).input));
    expect(out).toMatchObject({
      command: 'from input',
      source: 'input',
      taskId: 'task-7',
      profile: 'p-input',
    });
    expect(out.notes).toContain("command from the input 'smoke-command'");
  });

  it('2a. the profile input wins over the lower steps', async () => {
    const out = expectCommand(await resolveCommand(scenario({ ...all, smokeCommand: false }).input));
    expect(out).toMatchObject({ command: 'from input profile', source: 'registry', profile: 'p-input' });
  });

  it('2b. then the Smoke-Profile trailer', async () => {
    const out = expectCommand(
      await resolveCommand(scenario({ ...all, smokeCommand: false, inputProfile: false }).input),
    );
    expect(out).toMatchObject({ command: 'from trailer profile', source: 'registry', profile: 'p-trailer' });
    expect(out.notes).toContain('profile p-trailer from the Smoke-Profile trailer');
  });

  it('2c. then a Smoke-Profile line in the PR body', async () => {
    const out = expectCommand(
      await resolveCommand(
        scenario({ ...all, smokeCommand: false, inputProfile: false, trailerProfile: false }).input,
      ),
    );
    expect(out).toMatchObject({ command: 'from pr body profile', source: 'registry', profile: 'p-body' });
  });

  const noSelectors = {
    ...all,
    smokeCommand: false,
    inputProfile: false,
    trailerProfile: false,
    bodyProfile: false,
  };

  it('3. the task file wins over the registry tasks:, the PR body command and the default', async () => {
    const { input, tree } = scenario(noSelectors);
    const out = expectCommand(await resolveCommand(input));
    expect(out).toMatchObject({
      command: 'from task file',
      source: 'task-file',
      taskId: 'task-7',
      profile: null,
    });
    expect(tree.reads).toEqual([REGISTRY, 'memory/tasks/task-7.md']);
    expect(out.notes).toContain('command from smoke_command in memory/tasks/task-7.md line 8');
  });

  it('4. the registry tasks: entry wins over the PR body command and the default', async () => {
    const out = expectCommand(await resolveCommand(scenario({ ...noSelectors, taskFile: false }).input));
    expect(out).toMatchObject({ command: 'from tasks mapping', source: 'registry', profile: 'p-task' });
    expect(out.options).toEqual({ timeoutSeconds: 120, shell: 'bash', workingDirectory: 'services/api' });
  });

  it('5. the PR body command wins over the default', async () => {
    const { input, loadTimes } = scenario({ ...noSelectors, taskFile: false, tasksMapping: false });
    const out = expectCommand(await resolveCommand(input));
    expect(out).toMatchObject({ command: 'from pr body', source: 'pr-body', profile: null });
    expect(out.options).toEqual({ timeoutSeconds: 30, shell: 'bash', workingDirectory: null });
    expect(loadTimes).toHaveBeenCalledTimes(1);
  });

  it('6. the registry default comes last', async () => {
    const out = expectCommand(
      await resolveCommand(
        scenario({ ...noSelectors, taskFile: false, tasksMapping: false, bodyCommand: false }).input,
      ),
    );
    expect(out).toMatchObject({ command: 'from default profile', source: 'registry', profile: 'p-default' });
  });

  it('7. none: the outcome says what was looked at', async () => {
    const out = await resolveCommand(
      scenario({
        ...noSelectors,
        taskFile: false,
        tasksMapping: false,
        bodyCommand: false,
        defaultProfile: false,
      }).input,
    );
    expect(out.kind).toBe('none');
    expect(out).toMatchObject({ taskId: 'task-7', profile: null });
    expect(out.kind === 'none' && out.message).toMatch(
      /task file memory\/tasks\/task-7\.md is not in the merge commit; .*has no tasks entry for task-7; no post-merge-smoke block in the PR #12 body; .*has no default profile/,
    );
  });

  it('3 (variants). smoke_profile and post_merge_smoke in the task file', async () => {
    const viaProfile = makeInput({
      files: {
        [REGISTRY]: FULL_REGISTRY,
        'memory/tasks/task-7.md': '```yaml\nsmoke_profile: p-taskfile\n```\n',
      },
      taskId: 'task-7',
    });
    expect(expectCommand(await resolveCommand(viaProfile.input))).toMatchObject({
      command: 'from task file profile',
      source: 'task-file',
      profile: 'p-taskfile',
    });
    const viaObject = makeInput({
      files: {
        [REGISTRY]: FULL_REGISTRY,
        'memory/tasks/task-7.md': '```yaml\npost_merge_smoke:\n  command: obj\n  shell: sh\n```\n',
      },
      taskId: 'task-7',
    });
    const out = expectCommand(await resolveCommand(viaObject.input));
    expect(out).toMatchObject({ command: 'obj', source: 'task-file' });
    expect(out.options).toEqual({ timeoutSeconds: 600, shell: 'sh', workingDirectory: null });
  });

  it('4 (variant). an inline tasks: command', async () => {
    const { input } = makeInput({
      files: { [REGISTRY]: 'version: 1\ntasks:\n  task-7: { command: pytest -q, shell: python }\n' },
      taskId: 'task-7',
    });
    const out = expectCommand(await resolveCommand(input));
    expect(out).toMatchObject({ command: 'pytest -q', source: 'registry', profile: null });
    expect(out.options).toEqual({ timeoutSeconds: null, shell: 'python', workingDirectory: null });
  });
});

describe('resolveCommand: unknown profiles are BLOCKED, never a fall-through', () => {
  it('a profile input that does not exist, listing the known profiles', async () => {
    const { input } = makeInput({
      profile: 'nope',
      taskId: 'task-7',
      files: { [REGISTRY]: FULL_REGISTRY, 'memory/tasks/task-7.md': TASK_FILE },
    });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('unknown_profile');
    expect(out.message).toBe(
      "Profile 'nope' (selected by the input 'profile') is not defined in .github/post-merge-smoke.yml; known profiles: p-body, p-default, p-input, p-task, p-taskfile, p-trailer.",
    );
    expect(out).toMatchObject({ profile: 'nope', taskId: 'task-7' });
  });

  it('a tasks: mapping to a missing profile', async () => {
    const { input } = makeInput({ taskId: 'task-99' });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('unknown_profile');
    expect(out.message).toMatch(
      /Profile 'ghost' \(mapped from task task-99 by \.github\/post-merge-smoke\.yml line 12\)/,
    );
  });

  it('an unrelated broken mapping does not block other tasks', async () => {
    const { input } = makeInput({ taskId: 'task-7' });
    expect((await resolveCommand(input)).kind).toBe('command');
  });

  it('a default naming a missing profile', async () => {
    const { input } = makeInput({
      files: { [REGISTRY]: 'version: 1\nprofiles:\n  a: { command: x }\ndefault: b\n' },
    });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.message).toMatch(
      /Profile 'b' \(the registry default .*line 4\) is not defined .*known profiles: a\./,
    );
  });

  it('a smoke_profile naming a missing profile', async () => {
    const { input } = makeInput({
      taskId: 'task-7',
      files: { [REGISTRY]: FULL_REGISTRY, 'memory/tasks/task-7.md': '```yaml\nsmoke_profile: gone\n```\n' },
    });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('unknown_profile');
    expect(out.message).toMatch(/named by smoke_profile in memory\/tasks\/task-7\.md line 2/);
  });

  it('a profile with no registry file at all', async () => {
    const { input } = makeInput({ profile: 'api', files: {} });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.message).toMatch(
      /registry \.github\/post-merge-smoke\.yml is not in the merge commit, so no profiles/,
    );
  });
});

describe('resolveCommand: registry handling', () => {
  it('a missing registry is an empty one', async () => {
    const { input } = makeInput({ smokeCommand: 'make smoke', files: {} });
    const out = expectCommand(await resolveCommand(input));
    expect(out.options).toEqual({ timeoutSeconds: null, shell: null, workingDirectory: null });
    expect(out.notes).toContain(
      'registry .github/post-merge-smoke.yml is not in the merge commit: no profiles',
    );
  });

  it('merges registry defaults under an input command', async () => {
    const { input } = makeInput({ smokeCommand: 'make smoke' });
    expect(expectCommand(await resolveCommand(input)).options).toEqual({
      timeoutSeconds: 600,
      shell: 'bash',
      workingDirectory: null,
    });
  });

  it('a malformed registry is BLOCKED invalid_config with file and line, even for an input command', async () => {
    const { input } = makeInput({
      smokeCommand: 'make smoke',
      files: { [REGISTRY]: 'version: 1\nprofiles:\n  a: { command: x\n' },
    });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('invalid_config');
    expect(out.message).toMatch(
      /^Invalid registry \.github\/post-merge-smoke\.yml line 4, column 1: invalid YAML/,
    );
  });

  it('reads the registry path in normal form', async () => {
    const { input, tree } = makeInput({ registryPath: './.github//post-merge-smoke.yml', smokeCommand: 'x' });
    await resolveCommand(input);
    expect(tree.reads).toEqual([REGISTRY]);
  });

  it('takes the registry path as settings parsed it: one outside the repository cannot be passed', () => {
    // Settings refuse it (BLOCKED invalid_input) with the domain's rule; resolution only takes a RepoPath.
    expect(parseRepoPath('../elsewhere.yml')).toEqual({
      ok: false,
      problem: expect.stringMatching(/inside the repository/),
    });
    const { input } = makeInput();
    // @ts-expect-error a plain string is not a RepoPath
    const unparsed: ResolveInput = { ...input, registryPath: '../elsewhere.yml' };
    expect(unparsed.registryPath).toBe('../elsewhere.yml');
  });
});

describe('resolveCommand: task ids and task files', () => {
  it('a Task-Id trailer with ../ is refused and no task file is read', async () => {
    const { input, tree } = makeInput({ commitMessage: 'S\n\nTask-Id: ../../etc/passwd\n' });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('invalid_input');
    expect(out.message).toMatch(/Task id '\.\.\/\.\.\/etc\/passwd' from the Task-Id trailer/);
    expect(tree.reads).toEqual([REGISTRY]);
  });

  it('a task id input with ../ (bypassing settings) is refused before any task file read', async () => {
    const { input, tree } = makeInput({ taskIdPattern: pattern('.+') });
    input.taskId = '../secrets' as TaskId;
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('invalid_input');
    expect(tree.reads).toEqual([REGISTRY]);
  });

  it('a task-path template that escapes is refused, nothing read', async () => {
    const { input, tree } = makeInput({
      taskId: 'task-7',
      taskPath: '../../{task_id}.md',
      files: { [REGISTRY]: 'version: 1\n' },
    });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.message).toMatch(/must be a path inside the repository/);
    expect(tree.reads).toEqual([REGISTRY]);
  });

  it('an unusable task id is only a note when nothing uses it', async () => {
    const { input } = makeInput({
      taskPath: null,
      commitMessage: 'S\n\nTask-Id: not valid\n',
      files: { [REGISTRY]: 'version: 1\nprofiles:\n  d: { command: x }\ndefault: d\n' },
    });
    const out = expectCommand(await resolveCommand(input));
    expect(out.notes.join('\n')).toMatch(/Ignored: no task file or tasks: mapping uses the task id/);
  });

  it('a malformed task file is BLOCKED invalid_config with the Markdown line', async () => {
    const { input } = makeInput({
      taskId: 'task-7',
      files: {
        [REGISTRY]: FULL_REGISTRY,
        'memory/tasks/task-7.md': '# T\n\n```yaml\nsmoke_command: x\nb: @bad\n```\n',
      },
    });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('invalid_config');
    expect(out.message).toMatch(
      /^Invalid task file memory\/tasks\/task-7\.md line 5, column 4: invalid YAML/,
    );
  });

  it('a tree reader ConfigError (file too large, directory) is invalid_config', async () => {
    const tree: TreeReader = {
      read: async (path) => {
        if (path === REGISTRY) return null;
        throw new ConfigError(path, null, 'file too large: 999999 bytes, the limit is 262144.');
      },
    };
    const { input } = makeInput({ taskId: 'task-7', tree });
    const out = expectBlocked(await resolveCommand(input));
    expect(out).toMatchObject({ reason: 'invalid_config', taskId: 'task-7' });
    expect(out.message).toBe(
      'Invalid task file memory/tasks/task-7.md: file too large: 999999 bytes, the limit is 262144.',
    );
  });

  it('notes where the task id came from', async () => {
    const { input } = makeInput({ pr: pr(null) });
    const out = await resolveCommand(input);
    expect(out.taskId).toBe('task-7');
    expect(out.notes).toContain('task id task-7 from the PR #12 title');
  });

  it('uses the --task-file override instead of the tree', async () => {
    const { input, tree } = makeInput({
      taskFileOverride: { path: 'local/task-7.md', content: '```yaml\nsmoke_command: from override\n```\n' },
    });
    const out = expectCommand(await resolveCommand(input));
    expect(out).toMatchObject({ command: 'from override', source: 'task-file', taskId: 'task-7' });
    expect(tree.reads).toEqual([REGISTRY]);
  });
});

describe('resolveCommand: PR-body command trust', () => {
  const setup = (times: PullEditTimes, prBodyCommand = true, prOver: Partial<PullRequestInfo> = {}) => {
    const made = makeInput({
      files: { [REGISTRY]: 'version: 1\nprofiles:\n  d: { command: default }\ndefault: d\n' },
      pr: pr(`Please run:\n\n${PR_BODY_BLOCK}\n`, { title: 'no id', ...prOver }),
      prBodyCommand,
    });
    made.loadTimes.mockImplementation(async () => times);
    return made;
  };

  it('not allowed by the input: BLOCKED untrusted_source, edit times not even loaded', async () => {
    const { input, loadTimes } = setup({ lastEditedAt: null, mergedAt: MERGED_AT }, false);
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('untrusted_source');
    expect(out.message).toMatch(/input 'pr-body-command' is false/);
    expect(loadTimes).not.toHaveBeenCalled();
  });

  it('edited after the merge: BLOCKED untrusted_source naming both times', async () => {
    const { input } = setup({ lastEditedAt: '2026-05-09T11:30:00Z', mergedAt: MERGED_AT });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('untrusted_source');
    expect(out.message).toMatch(/edited at 2026-05-09T11:30:00Z, after the merge at 2026-05-09T10:00:00Z/);
  });

  it('edited before the merge: used', async () => {
    const { input } = setup({ lastEditedAt: '2026-05-09T09:59:59Z', mergedAt: MERGED_AT });
    const out = expectCommand(await resolveCommand(input));
    expect(out).toMatchObject({ command: 'from pr body', source: 'pr-body' });
    expect(out.notes.join('\n')).toMatch(/not after the merge/);
  });

  it('never edited: used', async () => {
    const { input } = setup({ lastEditedAt: null, mergedAt: MERGED_AT });
    expect(expectCommand(await resolveCommand(input)).source).toBe('pr-body');
  });

  it('unmerged PR: BLOCKED untrusted_source', async () => {
    const { input } = setup({ lastEditedAt: null, mergedAt: null }, true, { mergedAt: null, state: 'open' });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('untrusted_source');
    expect(out.message).toMatch(/PR #12 is not merged/);
  });

  it('a malformed block is invalid_config with the body line', async () => {
    const { input } = makeInput({
      pr: pr('Intro\n\n```post-merge-smoke\ncommand: x\nfoo: 1\n```\n', { title: 'x' }),
    });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('invalid_config');
    expect(out.message).toMatch(/PR #12 body line 5, column 1: unknown key 'foo'/);
  });

  it('an API failure loading the edit times rejects with ResolveInfraError api_failed', async () => {
    const { input, loadTimes } = setup({ lastEditedAt: null, mergedAt: MERGED_AT });
    loadTimes.mockImplementation(async () => {
      throw new Error('HTTP 502');
    });
    const err = await resolveCommand(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolveInfraError);
    expect(err).toMatchObject({ reason: 'api_failed', message: expect.stringMatching(/HTTP 502/) });
  });
});

describe('resolveCommand: a PR-body Smoke-Profile line obeys the edited-after-merge rule', () => {
  // Without the rule, a line added to the description after the merge picks a cheaper profile than the
  // task's mapping (p-task) and the run passes on it.
  const setup = (times: PullEditTimes, prBodyCommand = true) => {
    const made = makeInput({
      files: { [REGISTRY]: FULL_REGISTRY },
      commitMessage: 'Add runner (#12)\n\nTask-Id: task-7\n',
      pr: pr('Smoke-Profile: p-body\n'),
      prBodyCommand,
    });
    made.loadTimes.mockImplementation(async () => times);
    return made;
  };

  it('edited after the merge: BLOCKED untrusted_source, not the cheaper profile', async () => {
    const { input, loadTimes } = setup({ lastEditedAt: '2026-05-09T11:30:00Z', mergedAt: MERGED_AT });
    const out = expectBlocked(await resolveCommand(input));
    expect(out.reason).toBe('untrusted_source');
    expect(out.message).toMatch(
      /^PR #12 body was edited at 2026-05-09T11:30:00Z, after the merge at 2026-05-09T10:00:00Z: the Smoke-Profile line may not be what was reviewed\. Choose the profile with the 'profile' input/,
    );
    expect(out).toMatchObject({ profile: 'p-body', taskId: 'task-7' });
    expect(loadTimes).toHaveBeenCalledTimes(1);
  });

  it('from an unmerged PR: BLOCKED untrusted_source', async () => {
    const { input } = setup({ lastEditedAt: null, mergedAt: null });
    input.pr = { ...input.pr!, mergedAt: null, state: 'open' };
    const out = expectBlocked(await resolveCommand(input));
    expect(out.message).toMatch(/PR #12 is not merged: a PR-body Smoke-Profile line is trusted only/);
  });

  it('not edited after the merge: used, whatever pr-body-command says (it only picks a reviewed profile)', async () => {
    for (const prBodyCommand of [true, false]) {
      const { input } = setup({ lastEditedAt: '2026-05-09T09:00:00Z', mergedAt: MERGED_AT }, prBodyCommand);
      const out = expectCommand(await resolveCommand(input));
      expect(out).toMatchObject({ command: 'from pr body profile', source: 'registry', profile: 'p-body' });
      expect(out.notes).toContain(
        'PR #12 body last edited at 2026-05-09T09:00:00Z, not after the merge at 2026-05-09T10:00:00Z',
      );
    }
  });

  it('edit times are loaded only when the line is about to be used', async () => {
    const byTrailer = setup({ lastEditedAt: '2026-05-09T11:30:00Z', mergedAt: MERGED_AT });
    byTrailer.input.commitMessage = 'Add runner (#12)\n\nSmoke-Profile: p-trailer\n';
    expect(expectCommand(await resolveCommand(byTrailer.input)).profile).toBe('p-trailer');
    const byInput = setup({ lastEditedAt: '2026-05-09T11:30:00Z', mergedAt: MERGED_AT });
    byInput.input.smokeCommand = 'make smoke';
    expect(expectCommand(await resolveCommand(byInput.input)).source).toBe('input');
    expect(byTrailer.loadTimes).not.toHaveBeenCalled();
    expect(byInput.loadTimes).not.toHaveBeenCalled();
  });

  it('an API failure loading the edit times rejects with ResolveInfraError api_failed', async () => {
    const { input, loadTimes } = setup({ lastEditedAt: null, mergedAt: MERGED_AT });
    loadTimes.mockImplementation(async () => {
      throw new Error('HTTP 502');
    });
    const err = await resolveCommand(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolveInfraError);
    expect(err).toMatchObject({ reason: 'api_failed', context: { profile: 'p-body' } });
  });
});

describe('resolveCommand: infrastructure failures', () => {
  it('a git failure reading the tree rejects with ResolveInfraError git_failed, carrying the selectors', async () => {
    const tree = new FailingTree(new TreeReadError('git ls-tree failed: fatal: not a tree object', REGISTRY));
    const { input } = makeInput({ tree, taskId: 'task-7' });
    const err = await resolveCommand(input).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ResolveInfraError);
    expect(err).toMatchObject({ reason: 'git_failed', context: { taskId: 'task-7' } });
    expect((err as Error).message).toMatch(/not a tree object/);
  });
});
