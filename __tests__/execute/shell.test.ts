// Shell templates as the runner applies them: program + arguments, {0} = the script file, per-shell script
// extension and content fix-ups.
import { afterEach, beforeEach, describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildInvocation, parseShellTemplate, splitArguments, writeScript } from '../../src/execute/index.js';
import { tempDir } from './support/helpers.js';

describe('built-in shells (POSIX argv)', () => {
  const script = '/tmp/run dir/smoke-command.sh';
  it.each([
    ['bash', 'bash', ['--noprofile', '--norc', '-eo', 'pipefail', script]],
    ['sh', 'sh', ['-e', script]],
    ['pwsh', 'pwsh', ['-command', `. '${script}'`]],
    ['python', 'python', [script]],
    ['cmd', 'cmd', ['/D', '/E:ON', '/V:OFF', '/S', '/C', `CALL ${script}`]],
  ])('%s', (shell, file, args) => {
    const inv = buildInvocation(shell, script, 'linux');
    expect(inv.file).toBe(file);
    expect(inv.args).toEqual(args);
    expect(inv.windowsVerbatimArguments).toBe(false);
  });
});

describe('custom templates', () => {
  it('splits the template into argv and substitutes the script path per argument', () => {
    const inv = buildInvocation('bash -x -o "pipe fail" {0} --flag={0}', '/d/s.sh', 'linux');
    expect(inv.file).toBe('bash');
    expect(inv.args).toEqual(['-x', '-o', 'pipe fail', '/d/s.sh', '--flag=/d/s.sh']);
  });

  it('appends the script when the template has no {0}', () => {
    expect(buildInvocation('/bin/zsh', '/d/s', 'linux').args).toEqual(['/d/s']);
  });

  it('passes arguments verbatim on Windows', () => {
    const inv = buildInvocation('cmd', 'C:\\t\\smoke-command.cmd', 'win32');
    expect(inv.file).toBe('cmd');
    expect(inv.args).toEqual(['/D /E:ON /V:OFF /S /C "CALL "C:\\t\\smoke-command.cmd""']);
    expect(inv.windowsVerbatimArguments).toBe(true);
  });

  it('derives the script extension from the program name', () => {
    expect(parseShellTemplate('bash').ext).toBe('.sh');
    expect(parseShellTemplate('/usr/bin/bash -e {0}').ext).toBe('.sh');
    expect(parseShellTemplate('pwsh').ext).toBe('.ps1');
    expect(parseShellTemplate('C:\\Python\\python.exe -u {0}').ext).toBe('.py');
    expect(parseShellTemplate('cmd').ext).toBe('.cmd');
    expect(parseShellTemplate('node {0}').ext).toBe('');
  });
});

describe('splitArguments', () => {
  it('follows the CommandLineToArgvW quoting rules', () => {
    expect(splitArguments('a  b\tc')).toEqual(['a', 'b', 'c']);
    expect(splitArguments('"a b" c')).toEqual(['a b', 'c']);
    expect(splitArguments('a\\"b')).toEqual(['a"b']);
    expect(splitArguments('"a\\\\" b')).toEqual(['a\\', 'b']);
    expect(splitArguments('a\\b')).toEqual(['a\\b']);
    expect(splitArguments('"say ""hi"""')).toEqual(['say "hi"']);
    expect(splitArguments("'single quotes' stay")).toEqual(["'single", "quotes'", 'stay']);
    expect(splitArguments('""')).toEqual(['']);
    expect(splitArguments('')).toEqual([]);
  });
});

describe('writeScript', () => {
  let tmp: ReturnType<typeof tempDir>;
  beforeEach(() => {
    tmp = tempDir();
  });
  afterEach(() => tmp.cleanup());

  it('writes the command to a script file with the shell extension, creating the directory', () => {
    const dir = join(tmp.dir, 'logs', 'deeper');
    const inv = writeScript('bash', 'echo hi\necho there', dir, 'smoke-command', 'linux');
    expect(inv.scriptPath).toBe(join(dir, 'smoke-command.sh'));
    expect(readFileSync(inv.scriptPath, 'utf8')).toBe('echo hi\necho there');
    expect(inv.args[inv.args.length - 1]).toBe(inv.scriptPath);
  });

  it('adds the runner fix-ups for cmd and pwsh', () => {
    const cmd = writeScript('cmd', 'exit /b 3', tmp.dir);
    expect(readFileSync(cmd.scriptPath, 'utf8')).toMatch(/^@echo off\r?\nexit \/b 3$/);
    const ps = writeScript('pwsh', 'Write-Output hi', tmp.dir);
    const text = readFileSync(ps.scriptPath, 'utf8');
    expect(text).toMatch(/^\$ErrorActionPreference = 'stop'\r?\nWrite-Output hi\r?\n/);
    expect(text).toContain('exit $LASTEXITCODE');
  });
});
