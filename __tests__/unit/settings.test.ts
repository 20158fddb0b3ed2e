import { describe, expect, it } from '@jest/globals';
import {
  defaultInputs,
  parseSettings,
  runnerContextFromEnv,
  type InputName,
  type RunnerContext,
} from '../../src/settings/index.js';
import type { Repository } from '../../src/domain/index.js';

const SHA = 'a'.repeat(40);
const OTHER = 'b'.repeat(40);

function ctx(over: Partial<RunnerContext> = {}): RunnerContext {
  return {
    eventName: 'push',
    event: { after: SHA, repository: { default_branch: 'trunk' } },
    sha: OTHER,
    ref: 'refs/heads/main',
    repository: 'octo/repo' as Repository,
    serverUrl: 'https://github.com',
    apiUrl: 'https://api.github.com',
    graphqlUrl: 'https://api.github.com/graphql',
    runId: '42',
    runAttempt: 2,
    workspace: '/ws',
    runnerTemp: '/tmp',
    os: 'Linux',
    ...over,
  };
}

// The action.yml defaults, as the runner passes them when the workflow sets nothing.
const ACTION_DEFAULTS: Partial<Record<InputName, string>> = { ...defaultInputs(), 'github-token': 'tok' };

function parse(inputs: Partial<Record<InputName, string>>, c = ctx()) {
  const all = { ...ACTION_DEFAULTS, ...inputs };
  return parseSettings((name) => all[name], c);
}

describe('parseSettings', () => {
  it('takes the documented defaults', () => {
    const { settings, errors } = parse({});
    expect(errors).toEqual([]);
    expect(settings).toMatchObject({
      mergeCommit: SHA, // push: event.after, not GITHUB_SHA
      baseBranch: 'main',
      remote: 'origin',
      onStale: 'skip',
      smokeCommand: null,
      dryRun: false,
      timeoutSeconds: null,
      killGraceSeconds: 10,
      maxOutputBytes: 65536,
      logMaxBytes: 10485760,
      retries: 0,
      retryOn: 'timeout',
      statusContext: 'post-merge-smoke',
      // The default name is made from the resolved merge commit when the packet is published.
      artifactName: null,
      artifactRetentionDays: null,
    });
  });

  it('uses GITHUB_SHA, the default branch and on-stale run for workflow_dispatch', () => {
    const { settings } = parse(
      {},
      ctx({ eventName: 'workflow_dispatch', event: { repository: { default_branch: 'trunk' } } }),
    );
    expect(settings.mergeCommit).toBe(OTHER);
    expect(settings.baseBranch).toBe('trunk');
    expect(settings.onStale).toBe('run');
  });

  it('keeps a multi-line smoke command intact', () => {
    const { settings } = parse({ 'smoke-command': 'npm ci\nnpm run smoke  \n' });
    expect(settings.smokeCommand).toBe('npm ci\nnpm run smoke');
  });

  it.each([
    ['timeout-seconds', 'ten', /Input 'timeout-seconds' is 'ten'; expected a number greater than 0/],
    ['timeout-seconds', '0', /Input 'timeout-seconds' is '0'; expected a number greater than 0/],
    ['timeout-seconds', '-5', /Input 'timeout-seconds' is '-5'/],
    ['on-stale', 'ignore', /Input 'on-stale' is 'ignore'; accepted values: skip, run, fail/],
    ['retry-on', 'always', /accepted values: timeout, fail, any/],
    ['retries', '1.5', /Input 'retries' is '1.5'; expected a whole number/],
    ['retries', '11', /at most 10/],
    ['dry-run', 'yes', /Input 'dry-run' is 'yes'; accepted values: true, false/],
    [
      'task-id-pattern',
      'task-(',
      /Input 'task-id-pattern' is 'task-\('; it is not a valid regular expression/,
    ],
    ['redact-patterns', 'ok\n(unclosed', /Input 'redact-patterns' line 2 \('\(unclosed'\)/],
    [
      'shell',
      'zsh',
      /Input 'shell' is 'zsh'; accepted values: bash, sh, pwsh, python, cmd, or a command template/,
    ],
    ['max-output-bytes', '10', /at least 64/],
    ['merge-commit', '--upload-pack=evil', /Input 'merge-commit' .*no leading '-'/],
    ['base-branch', 'main branch', /Input 'base-branch'/],
    ['registry-path', '../outside.yml', /Input 'registry-path' .*inside the repository/],
    ['task-path', 'memory/tasks/task.md', /must contain the placeholder \{task_id\}/],
    ['task-id', '../etc', /Input 'task-id' is '..\/etc'/],
    ['task-id', 'ticket-9', /does not match task-id-pattern/],
    ['artifact-retention-days', '91', /Input 'artifact-retention-days' is '91'/],
    ['profile', 'a b', /Input 'profile' is 'a b'/],
  ] as [InputName, string, RegExp][])(
    'rejects %s=%j with a message naming the input',
    (name, value, message) => {
      const { errors } = parse({ [name]: value });
      expect(errors).toHaveLength(1);
      expect(errors[0].input).toBe(name);
      expect(errors[0].message).toMatch(message);
    },
  );

  it('reports every bad input at once and keeps safe values for reporting', () => {
    const { settings, errors } = parse({ 'timeout-seconds': 'x', 'on-stale': 'y', 'status-context': 'ctx' });
    expect(errors.map((e) => e.input)).toEqual(['on-stale', 'timeout-seconds']);
    expect(settings.onStale).toBe('skip');
    expect(settings.statusContext).toBe('ctx');
  });

  it('turns status commit statuses off with an explicit empty status-context', () => {
    expect(parse({ 'status-context': '' }).settings.statusContext).toBeNull();
  });

  it('accepts a shell template and fractional timeouts', () => {
    const { settings, errors } = parse({ shell: 'bash -x {0}', 'timeout-seconds': '0.5' });
    expect(errors).toEqual([]);
    expect(settings.shell).toBe('bash -x {0}');
    expect(settings.timeoutSeconds).toBe(0.5);
  });

  it('compiles redact patterns, one per non-blank line', () => {
    const { settings } = parse({ 'redact-patterns': 'secret-[0-9]+\n\n  token=\\w+ ' });
    expect(settings.redactPatterns.map((r) => r.source)).toEqual(['secret-[0-9]+', 'token=\\w+']);
    expect(settings.redactPatterns[1].replaceAll('a token=abc b', '***')).toBe('a *** b');
  });
});

describe('runnerContextFromEnv', () => {
  it('reads the runner variables and the event file', () => {
    const c = runnerContextFromEnv(
      {
        GITHUB_EVENT_NAME: 'push',
        GITHUB_EVENT_PATH: '/event.json',
        GITHUB_SHA: SHA,
        GITHUB_REF: 'refs/heads/main',
        GITHUB_REPOSITORY: 'octo/repo',
        GITHUB_SERVER_URL: 'https://ghe.example/',
        GITHUB_API_URL: 'https://ghe.example/api/v3',
        GITHUB_RUN_ID: '7',
        GITHUB_RUN_ATTEMPT: '3',
        GITHUB_WORKSPACE: '/ws',
        RUNNER_TEMP: '/rt',
        RUNNER_OS: 'Linux',
      },
      () => JSON.stringify({ after: OTHER }),
    );
    expect(c).toMatchObject({
      eventName: 'push',
      event: { after: OTHER },
      serverUrl: 'https://ghe.example',
      apiUrl: 'https://ghe.example/api/v3',
      runId: '7',
      runAttempt: 3,
      workspace: '/ws',
      runnerTemp: '/rt',
    });
  });

  it('survives an unreadable event file', () => {
    const c = runnerContextFromEnv({ GITHUB_EVENT_PATH: '/missing' }, () => {
      throw new Error('ENOENT');
    });
    expect(c.event).toEqual({});
    expect(c.runAttempt).toBe(1);
  });
});
