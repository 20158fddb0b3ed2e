// The command line, parsed: flags generated from the inputs table, the CLI's own options, and usage errors
// whose "did you mean" ends the message. Pure.
import { describe, expect, it } from '@jest/globals';
import { commandUsage, parseArgs, type UsageError } from '../../src/cli/args.js';
import { INPUTS } from '../../src/settings/index.js';

const usageError = (argv: string[]) => {
  const parsed = parseArgs(argv);
  expect(parsed.command).toBe('usage-error');
  return parsed as UsageError;
};

describe('parseArgs', () => {
  it('offers a flag for every input the table gives one, and only to the commands it names', () => {
    const run = commandUsage('run');
    const validate = commandUsage('validate');
    for (const row of INPUTS) {
      const flag = `--${row.name}${row.cli?.arg ? ` ${row.cli.arg}` : ''}`;
      const commands = row.cli ? (row.cli.commands ?? ['run']) : [];
      expect([row.name, run.includes(flag)]).toEqual([row.name, commands.includes('run')]);
      expect([row.name, validate.includes(flag)]).toEqual([row.name, commands.includes('validate')]);
    }
    expect(run).toMatch(
      /--task-id-pattern <regex>[\s\S]*--pr-body-command[\s\S]*--redact-patterns <regexes>/,
    );
  });

  it('maps input flags onto input names and the own options onto fields', () => {
    expect(
      parseArgs([
        'run',
        '-C',
        'repo',
        '--repo=octo/app',
        '--profile',
        'api',
        '--dry-run',
        '--apply',
        '--allow-dirty',
        '--no-audit',
      ]),
    ).toEqual({
      command: 'run',
      inputs: { 'merge-commit': 'HEAD', profile: 'api', 'dry-run': 'true' },
      dir: 'repo',
      repository: 'octo/app',
      taskFile: null,
      apply: true,
      allowDirty: true,
      json: false,
      audit: false,
      outDir: null,
      allProfiles: false,
      jobs: null,
    });
    expect(parseArgs(['run', '--merge-commit', 'abc123'])).toMatchObject({
      inputs: { 'merge-commit': 'abc123' },
    });
    expect(parseArgs(['validate', '--dir', 'x', '--task-path', 't/{task_id}.md'])).toEqual({
      command: 'validate',
      inputs: { 'task-path': 't/{task_id}.md' },
      dir: 'x',
      source: { kind: 'ref', ref: 'HEAD' },
      json: false,
    });
    expect(parseArgs(['validate', '--worktree', '--json'])).toMatchObject({
      source: { kind: 'worktree' },
      json: true,
    });
    expect(parseArgs(['--version'])).toEqual({ command: 'version' });
  });

  it.each([
    [['run', '--aply'], "unknown option '--aply'; did you mean --apply?"],
    [['run', '--merge-comit', 'x'], "unknown option '--merge-comit'; did you mean --merge-commit?"],
    [['validate', '--task_path', 'x'], "unknown option '--task_path'; did you mean --task-path?"],
    [['run', '--worktree'], "unknown option '--worktree': it is an option of 'post-merge-smoke validate'"],
    [['run', '--frobnicate'], "unknown option '--frobnicate'"],
    [['run', '-x'], "unknown option '-x'"],
    [['validate', '--worktree', '--ref', 'HEAD'], '--worktree and --ref exclude each other'],
    [['validate', '--ref'], '--ref needs a value <ref>'],
    [['run', '--json=yes'], '--json takes no value'],
    [['run', 'HEAD'], "unexpected argument 'HEAD'"],
    [['valdate'], "unknown command 'valdate'; did you mean 'validate'?"],
    [['--aply'], "'--aply' before a command; did you mean 'post-merge-smoke run --apply'?"],
    [['--worktree'], "'--worktree' before a command; did you mean 'post-merge-smoke validate --worktree'?"],
    [['-c', '.', 'run'], "'-c' before a command; did you mean 'post-merge-smoke run -C'?"],
    [['--frobnicate'], "'--frobnicate' before a command; commands: validate, run, replay"],
    [['run', '-c', '.'], "unknown option '-c'; did you mean -C?"],
    [['replay'], 'a fixture directory is required'],
    [['run', '--jobs', '2'], '--jobs needs --all-profiles'],
    [['run', '--fan-out', 'paths'], '--fan-out needs --all-profiles'],
    [['run', '--all-profiles', '--jobs', '0'], "--jobs is '0'; it must be a whole number from 1 to 64"],
    [['run', '--all-profiles', '-j', '2.5'], "--jobs is '2.5'; it must be a whole number from 1 to 64"],
    [['run', '--all-profiles', '--jobs', '65'], "--jobs is '65'; it must be a whole number from 1 to 64"],
    [
      ['run', '--all-profiles', '--profile', 'api'],
      '--all-profiles runs every profile; it excludes --profile',
    ],
    [
      ['run', '--all-profiles', '--smoke-command', 'make'],
      '--all-profiles runs every profile; it excludes --smoke-command',
    ],
    [['run', '--all-profile'], "unknown option '--all-profile'; did you mean --all-profiles?"],
  ])('%j is a usage error: %s', (argv, message) => {
    const e = usageError(argv);
    expect(e.message).toBe(message);
    expect(e.usage).toMatch(/^usage: post-merge-smoke /);
    expect(e.usage).not.toContain('\n');
  });

  it('reads the fan-out flags: --all-profiles, --jobs (or -j), --fan-out', () => {
    expect(parseArgs(['run', '--all-profiles', '-j', '8', '--fan-out', 'paths', '--apply'])).toMatchObject({
      allProfiles: true,
      jobs: 8,
      apply: true,
      inputs: { 'fan-out': 'paths' },
    });
    expect(parseArgs(['run', '--all-profiles'])).toMatchObject({ allProfiles: true, jobs: null });
    expect(commandUsage('run')).toMatch(/--all-profiles [\s\S]*-j, --jobs <n>[\s\S]*--fan-out <none\|paths>/);
  });

  it('lets an input flag be empty, but not an own option', () => {
    expect(parseArgs(['run', '--smoke-command', ''])).toMatchObject({ inputs: { 'smoke-command': '' } });
    expect(usageError(['run', '--out-dir', '']).message).toBe('--out-dir needs a value <dir>');
  });
});
