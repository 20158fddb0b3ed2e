// validateConfig: every mistake of a configuration, each once, with its file and line.
import { describe, expect, it } from '@jest/globals';
import { DEFAULT_TASK_ID_PATTERN } from '../../src/settings/index.js';
import {
  nearMiss,
  resolveCommand,
  validateConfig,
  type ConfigProblem,
  type ValidateConfigInput,
} from '../../src/resolve/index.js';
import { mustParse, parseRepoPath } from '../../src/domain/index.js';
import { pattern } from '../support/pattern.js';
import { MemoryTree } from './support/memory-tree.js';

const REGISTRY = '.github/post-merge-smoke.yml';
const TASK_PATH = 'memory/tasks/{task_id}.md';
const lines = (...l: string[]) => `${l.join('\n')}\n`;

const BROKEN_REGISTRY = lines(
  'version: 1', //                                         1
  'defaults:', //                                          2
  '  timeout_seconds: 600', //                             3  unknown key, did you mean timeout-seconds
  '  shell: zsh', //                                       4  invalid shell
  'profiles:', //                                          5
  '  api:', //                                             6
  '    command: npm run smoke:api', //                     7
  '    working-directory: ../api', //                      8  outside the repository
  '  web:', //                                             9
  "    command: ''", //                                    10 empty command
  '  full:', //                                            11
  '    comand: make smoke', //                             12 unknown key, did you mean command (once)
  'tasks:', //                                             13
  '  task-1: api', //                                      14
  '  task-2: ghost', //                                    15 undefined profile
  '  T-3: web', //                                         16 never selected by the pattern
  '  task-4: { command: pytest, timeout-seconds: 0 }', //  17 invalid timeout
  'default: fulll', //                                     18 undefined profile, did you mean full
  'smoke_command: make smoke', //                          19 unknown top-level key
);

const TASK_FILES = [
  {
    path: 'memory/tasks/task-10.md',
    text: lines('# task-10', '', '```yaml', 'smoke-command: make smoke', '```'),
  },
  { path: 'memory/tasks/task-11.md', text: lines('---', 'smoke_profile: apii', '---', '# task-11') },
  {
    path: 'memory/tasks/task-12.md',
    text: lines('```yaml', 'post_merge_smoke:', '  command: make', '  timeout-seconds: 5', '```'),
  },
  { path: 'memory/tasks/task-13.md', text: lines('# T', '```yaml', 'smoke_command: "make', 'x: 1', '```') },
  { path: 'memory/tasks/notes.md', text: lines('# Notes', 'No smoke here.') },
  { path: 'memory/tasks/.task-15.md', text: lines('```yaml', 'smoke_command: make', '```') },
  {
    path: 'memory/tasks/task-16.md',
    text: lines('```yaml', 'smoke_command: make a', '```', '```yaml', 'smoke_profile: api', '```'),
  },
  {
    path: 'memory/tasks/task-17.md',
    text: lines('```yaml', 'smoke_command: make', 'expected_files: [a]', '```'),
  },
];

function input(over: Partial<ValidateConfigInput> = {}): ValidateConfigInput {
  return {
    registry: { path: REGISTRY, text: BROKEN_REGISTRY },
    registryNamed: false,
    taskFiles: TASK_FILES,
    taskPath: TASK_PATH,
    taskIdPattern: pattern(DEFAULT_TASK_ID_PATTERN),
    ...over,
  };
}

/** file:line — message (hint): easy to read when a row differs. */
const row = (p: ConfigProblem) => `${p.file}:${p.line ?? '-'} ${p.message}${p.hint ? ` [${p.hint}]` : ''}`;

describe('validateConfig', () => {
  it('reports every mistake once, with file and line, registry first', () => {
    const result = validateConfig(input());
    expect(result.problems.map(row)).toEqual([
      `${REGISTRY}:3 unknown key 'timeout_seconds' in 'defaults'; accepted keys: timeout-seconds, shell, working-directory. [Did you mean 'timeout-seconds'?]`,
      `${REGISTRY}:4 'shell' of 'defaults' must be one of bash, sh, pwsh, python, cmd or a command template containing {0}, not the string 'zsh'.`,
      `${REGISTRY}:8 'working-directory' of profile 'api' is '../api': it must be a path inside the repository (relative, without '..').`,
      `${REGISTRY}:10 'command' of profile 'web' is empty.`,
      `${REGISTRY}:12 unknown key 'comand' in profile 'full'; accepted keys: command, timeout-seconds, shell, working-directory, paths, always. [Did you mean 'command'?]`,
      `${REGISTRY}:15 task 'task-2' names profile 'ghost', which ${REGISTRY} does not define; known profiles: api, full, web.`,
      `${REGISTRY}:16 task id 'T-3' does not match task-id-pattern 'task-[0-9]+(?:\\+[0-9]+)?', so this mapping is never used.`,
      `${REGISTRY}:17 'timeout-seconds' of task 'task-4' must be a number of seconds greater than 0 and at most 2147483, not the number 0.`,
      `${REGISTRY}:18 'default' names profile 'fulll', which ${REGISTRY} does not define; known profiles: api, full, web. [Did you mean 'full'?]`,
      `${REGISTRY}:19 unknown key 'smoke_command' in the registry; accepted keys: version, defaults, profiles, tasks, default, fan-out.`,
      "memory/tasks/task-10.md:4 'smoke-command' is not a smoke key (smoke_command, smoke_profile, post_merge_smoke), so it would be ignored. [Did you mean 'smoke_command'?]",
      `memory/tasks/task-11.md:2 smoke_profile 'apii' names profile 'apii', which ${REGISTRY} does not define; known profiles: api, full, web. [Did you mean 'api'?]`,
      "memory/tasks/task-12.md:4 unknown key 'timeout-seconds' in 'post_merge_smoke'; accepted keys: command, timeout_seconds, shell, working_directory. [Did you mean 'timeout_seconds'?]",
      expect.stringMatching(/^memory\/tasks\/task-13\.md:4 invalid YAML: /),
      "memory/tasks/notes.md:- its task id 'notes' does not match task-id-pattern 'task-[0-9]+(?:\\+[0-9]+)?', so no run reads this file.",
      "memory/tasks/.task-15.md:- its task id '.task-15' must not start with '.', so no run reads this file.",
      "memory/tasks/task-16.md:5 conflicting smoke definitions: line 2 has smoke_command 'make a', line 5 has smoke_profile 'api'. Keep one.",
    ]);
    expect(result.problems.find((p) => p.line === 8)).toMatchObject({ column: 24 });
    expect(result.checked).toEqual({
      registry: true,
      profiles: 1,
      taskMappings: 4,
      defaultProfile: 'fulll',
      taskFiles: 8,
      taskFilesWithSmoke: 5,
    });
    expect(result.summary).toBe(
      `registry ${REGISTRY}: 1 profile(s), 4 task mapping(s), default fulll; 8 task file(s), 5 with a smoke definition; 17 problem(s).`,
    );
  });

  it('checks the fan-out keys: every glob, always and fan-out on their lines; a sound fan-out passes', () => {
    const fanOut = (text: string) =>
      validateConfig(input({ registry: { path: REGISTRY, text }, taskFiles: [], taskPath: null })).problems;
    const problems = fanOut(
      lines(
        'version: 1', //                                  1
        'fan-out: path', //                               2
        'profiles:', //                                   3
        '  api:', //                                      4
        '    command: make api', //                       5
        '    paths: [services/api/**, /abs]', //          6
        '  web: { command: make web, always: yes }', //   7
        '  docs: { command: make docs, pths: [d/**] }', // 8
      ),
    );
    expect(problems.map((p) => `${p.line} ${p.message}${p.hint ? ` [${p.hint}]` : ''}`)).toEqual([
      "2 'fan-out' must be one of none, paths, not the string 'path'.",
      "6 glob '/abs' in 'paths' of profile 'api' starts with '/'; globs are relative to the repository root.",
      "7 'always' of profile 'web' must be true or false, not the string 'yes'.",
      "8 unknown key 'pths' in profile 'docs'; accepted keys: command, timeout-seconds, shell, working-directory, paths, always. [Did you mean 'paths'?]",
    ]);
    expect(
      fanOut(
        lines(
          'version: 1',
          'fan-out: paths',
          'profiles:',
          "  api: { command: make api, paths: ['services/api/**', '!**/*.md'] }",
          '  deps: { command: make deps, always: true }',
        ),
      ),
    ).toEqual([]);
  });

  it('finds nothing wrong with a sound configuration', () => {
    const result = validateConfig(
      input({
        registry: {
          path: REGISTRY,
          text: lines(
            'version: 1',
            'profiles:',
            '  api: { command: make api }',
            'tasks:',
            '  task-1: api',
            'default: api',
          ),
        },
        taskFiles: [
          { path: 'memory/tasks/task-1.md', text: lines('```yaml', 'smoke_profile: api', '```') },
          {
            path: 'memory/tasks/task-2.md',
            text: lines('# no smoke here', '```yaml', 'expected_files: [a', '```'),
          },
        ],
      }),
    );
    expect(result.problems).toEqual([]);
    expect(result.summary).toBe(
      `registry ${REGISTRY}: 1 profile(s), 1 task mapping(s), default api; 2 task file(s), 1 with a smoke definition; no problems.`,
    );
  });

  it('a missing registry is a problem only when registry-path names it', () => {
    const absent = { path: 'ci/smoke.yml', text: null };
    const smokeProfile = [
      { path: 'memory/tasks/task-1.md', text: lines('```yaml', 'smoke_profile: api', '```') },
    ];
    expect(validateConfig(input({ registry: absent, registryNamed: true, taskFiles: [] })).problems).toEqual([
      {
        file: 'ci/smoke.yml',
        line: null,
        column: null,
        message: "does not exist in this commit, but input 'registry-path' names it.",
      },
    ]);
    const unnamed = validateConfig(input({ registry: absent, taskFiles: smokeProfile }));
    expect(unnamed.problems.map(row)).toEqual([
      "memory/tasks/task-1.md:2 smoke_profile 'api' names profile 'api', but there is no registry ci/smoke.yml in this commit, so no profiles are defined.",
    ]);
    expect(unnamed.summary).toMatch(
      /^no registry ci\/smoke\.yml; 1 task file\(s\), 1 with a smoke definition/,
    );
  });

  it('a registry that cannot be read is one problem, not one more per reference', () => {
    const result = validateConfig(
      input({
        registry: { path: REGISTRY, text: 'version: 1\nprofiles: [\n' },
        taskFiles: [{ path: 'memory/tasks/task-1.md', text: lines('```yaml', 'smoke_profile: api', '```') }],
      }),
    );
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatchObject({
      file: REGISTRY,
      message: expect.stringMatching(/^invalid YAML/),
    });
  });
});

describe('a near miss of a smoke key is not silently ignored at run time', () => {
  it('BLOCKED invalid_config with a did-you-mean, instead of running the registry default', async () => {
    const tree = new MemoryTree({
      [REGISTRY]: lines('version: 1', 'profiles:', '  d: { command: the default }', 'default: d'),
      'memory/tasks/task-7.md': lines('# task-7', '```yaml', 'smoke-command: make smoke', '```'),
    });
    const outcome = await resolveCommand({
      smokeCommand: null,
      profile: null,
      taskId: null,
      taskIdPattern: pattern(DEFAULT_TASK_ID_PATTERN),
      registryPath: mustParse(parseRepoPath, REGISTRY),
      taskPath: TASK_PATH,
      prBodyCommand: false,
      commitMessage: 'task-7: add the runner (#12)',
      pr: null,
      loadPrEditTimes: async () => ({ lastEditedAt: null, mergedAt: null }),
      tree,
    });
    expect(outcome).toMatchObject({ kind: 'blocked', reason: 'invalid_config' });
    expect(outcome.kind === 'blocked' && outcome.message).toBe(
      "Invalid task file memory/tasks/task-7.md line 3, column 1: 'smoke-command' is not a smoke key (smoke_command, smoke_profile, post_merge_smoke), so it would be ignored. Did you mean 'smoke_command'?",
    );
  });
});

describe('nearMiss', () => {
  const SMOKE = ['smoke_command', 'smoke_profile', 'post_merge_smoke'];
  it.each([
    ['smoke-command', SMOKE, true, 'smoke_command'],
    ['Smoke_Profile', SMOKE, true, 'smoke_profile'],
    ['smoke_commands', SMOKE, true, 'smoke_command'],
    ['post-merge-smoke', SMOKE, true, 'post_merge_smoke'],
    ['smoke', SMOKE, true, null],
    ['post_merge_smoke_runner', SMOKE, true, null],
    ['expected_files', SMOKE, true, null],
    ['timeout_seconds', ['command', 'timeout-seconds', 'shell'], false, 'timeout-seconds'],
    ['timeout', ['command', 'timeout-seconds', 'shell'], false, 'timeout-seconds'],
    ['timeout', ['command', 'timeout-seconds', 'shell'], true, null],
    ['shel', ['command', 'timeout-seconds', 'shell'], false, 'shell'],
    ['profile', ['version', 'defaults', 'profiles', 'tasks', 'default'], false, 'profiles'],
    ['foo', ['command', 'timeout-seconds', 'shell'], false, null],
  ])('%s among %j (strict %s) → %s', (key, accepted, strict, expected) => {
    expect(nearMiss(key, accepted, strict)).toBe(expected);
  });
});
