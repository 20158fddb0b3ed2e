// Shell templates, as the runner uses them for `run:` steps: the command is written to a script file and
// the file's path replaces {0} in the template. The template's first space-separated word is the program;
// the rest is split into arguments with the runner's (.NET / CommandLineToArgvW) quoting rules on POSIX and
// passed verbatim on Windows.
import { mkdirSync, writeFileSync } from 'node:fs';
import { EOL } from 'node:os';
import { basename, join } from 'node:path';

interface Builtin {
  template: string;
  ext: string;
}

const BUILTIN_SHELLS: Readonly<Record<string, Builtin>> = {
  bash: { template: 'bash --noprofile --norc -eo pipefail {0}', ext: '.sh' },
  sh: { template: 'sh -e {0}', ext: '.sh' },
  pwsh: { template: `pwsh -command ". '{0}'"`, ext: '.ps1' },
  powershell: { template: `powershell -command ". '{0}'"`, ext: '.ps1' },
  python: { template: 'python {0}', ext: '.py' },
  cmd: { template: 'cmd /D /E:ON /V:OFF /S /C "CALL "{0}""', ext: '.cmd' },
};

export interface ShellTemplate {
  /** The program, as written (looked up on PATH by spawn). */
  program: string;
  /** Everything after the program, still holding {0}. */
  argsTemplate: string;
  /** Script file extension: from the program's name when it is a known shell, else none. */
  ext: string;
  /** Known shell the program is (bash, sh, pwsh, powershell, python, cmd) or null. */
  kind: string | null;
}

/** Resolves a shell name or a template containing {0}. A template without {0} gets the script appended. */
export function parseShellTemplate(shell: string): ShellTemplate {
  const trimmed = shell.trim();
  const builtin = Object.prototype.hasOwnProperty.call(BUILTIN_SHELLS, trimmed)
    ? BUILTIN_SHELLS[trimmed]
    : null;
  let template = builtin ? builtin.template : trimmed;
  if (!template.includes('{0}')) template = `${template} {0}`;
  const space = template.indexOf(' ');
  const program = space === -1 ? template : template.slice(0, space);
  const argsTemplate = space === -1 ? '' : template.slice(space + 1);
  const name = basename(program.replace(/\\/g, '/'))
    .replace(/\.exe$/i, '')
    .toLowerCase();
  const kind = Object.prototype.hasOwnProperty.call(BUILTIN_SHELLS, name) ? name : null;
  return { program, argsTemplate, ext: kind ? BUILTIN_SHELLS[kind].ext : '', kind };
}

/**
 * Splits an argument string the way the runner's process launcher does (CommandLineToArgvW rules):
 * whitespace separates, double quotes group, `\"` is a literal quote, `""` inside quotes is a literal
 * quote, other backslashes are literal. Single quotes are ordinary characters.
 */
export function splitArguments(text: string): string[] {
  const out: string[] = [];
  let cur = '';
  let started = false;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '\\') {
      let n = 0;
      while (text[i + n] === '\\') n++;
      if (text[i + n] === '"') {
        cur += '\\'.repeat(n >> 1);
        if (n % 2 === 1) {
          cur += '"';
          i += n; // past the escaped quote
        } else {
          i += n - 1; // the quote is handled by the next iteration
        }
      } else {
        cur += '\\'.repeat(n);
        i += n - 1;
      }
      started = true;
    } else if (c === '"') {
      if (quoted && text[i + 1] === '"') {
        cur += '"';
        i++;
      } else {
        quoted = !quoted;
      }
      started = true;
    } else if (!quoted && (c === ' ' || c === '\t' || c === '\n' || c === '\r')) {
      if (started) out.push(cur);
      cur = '';
      started = false;
    } else {
      cur += c;
      started = true;
    }
  }
  if (started) out.push(cur);
  return out;
}

export interface ShellInvocation {
  file: string;
  args: string[];
  /** Windows: pass `args` to CreateProcess as written (the runner does). */
  windowsVerbatimArguments: boolean;
  scriptPath: string;
  /** The program, for messages. */
  program: string;
}

/** The program and argv that run `scriptPath` through `shell`. */
export function buildInvocation(
  shell: string,
  scriptPath: string,
  platform: NodeJS.Platform = process.platform,
): ShellInvocation {
  const t = parseShellTemplate(shell);
  if (platform === 'win32') {
    const argString = t.argsTemplate.split('{0}').join(scriptPath);
    return {
      file: t.program,
      args: argString === '' ? [] : [argString],
      windowsVerbatimArguments: true,
      scriptPath,
      program: t.program,
    };
  }
  // Split first, substitute after: a script path with spaces stays one argument.
  const args = splitArguments(t.argsTemplate).map((a) => a.split('{0}').join(scriptPath));
  const file = t.program.split('{0}').join(scriptPath);
  return { file, args, windowsVerbatimArguments: false, scriptPath, program: file };
}

/** The script text the runner would write for this shell (cmd: `@echo off`; PowerShell: stop on errors). */
function scriptContents(shell: string, command: string): string {
  const { kind } = parseShellTemplate(shell);
  if (kind === 'cmd') return `@echo off${EOL}${command}`;
  if (kind === 'pwsh' || kind === 'powershell') {
    return (
      `$ErrorActionPreference = 'stop'${EOL}${command}${EOL}` +
      'if ((Test-Path -LiteralPath variable:\\LASTEXITCODE)) { exit $LASTEXITCODE }'
    );
  }
  return command;
}

/**
 * Writes the command to `<dir>/<baseName><ext>` (creating `dir`) and returns how to run it.
 * Throws the file system's error when the script cannot be written.
 */
export function writeScript(
  shell: string,
  command: string,
  dir: string,
  baseName = 'smoke-command',
  platform: NodeJS.Platform = process.platform,
): ShellInvocation {
  const { ext, kind } = parseShellTemplate(shell);
  // Only this user: the script holds the command, which may hold a secret (it is removed after the attempt).
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const scriptPath = join(dir, `${baseName}${ext}`);
  const text = scriptContents(shell, command);
  // Windows PowerShell 5.1 reads a BOM-less script as ANSI; pwsh and the others want plain UTF-8.
  const bytes = kind === 'powershell' ? '\ufeff' + text : text;
  writeFileSync(scriptPath, bytes, { encoding: 'utf8', mode: 0o700 });
  return buildInvocation(shell, scriptPath, platform);
}
