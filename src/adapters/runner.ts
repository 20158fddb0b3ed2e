// The runner protocol, in one place: workflow commands on stdout (`::error title=…::…`, `::add-mask::`) and
// file commands (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY). Same encoding as @actions/core (command.ts,
// file-command.ts), written here because importing @actions/core also loads its OIDC client, its HTTP client
// and undici — a third of the action's start-up time — for none of which this action has a use.
import { randomUUID } from 'node:crypto';
import { appendFileSync, existsSync } from 'node:fs';
import { EOL } from 'node:os';
import type { Logger } from '../report/types.js';

/** How the runner decodes a command's message: %, CR and LF are percent-encoded. */
export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** A command property (e.g. `title=`) also escapes ':' and ','. */
export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

export function workflowCommand(
  command: string,
  properties: Record<string, string>,
  message: string,
): string {
  const props = Object.entries(properties)
    .filter(([, v]) => v !== '')
    .map(([k, v]) => `${k}=${escapeProperty(v)}`)
    .join(',');
  return `::${command}${props ? ` ${props}` : ''}::${escapeData(message)}${EOL}`;
}

/**
 * `name<<delimiter` … `delimiter`, as the runner parses GITHUB_OUTPUT. The delimiter is random, and a name
 * or value that contains it is refused (it would end the value early).
 */
export function keyValueFileCommand(name: string, value: string): string {
  const delimiter = `ghadelimiter_${randomUUID()}`;
  if (name.includes(delimiter) || value.includes(delimiter)) {
    throw new Error(`output ${name} contains the file-command delimiter`);
  }
  return `${name}<<${delimiter}${EOL}${value}${EOL}${delimiter}${EOL}`;
}

export class RunnerProtocol {
  constructor(
    private readonly env: NodeJS.ProcessEnv,
    private readonly write: (text: string) => void = (text) => void process.stdout.write(text),
  ) {}

  /** Masks the value in the job log from now on. */
  setSecret(value: string): void {
    if (value) this.write(workflowCommand('add-mask', {}, value));
  }

  setOutput(name: string, value: string): void {
    const file = this.env.GITHUB_OUTPUT;
    if (file) {
      appendToFile('GITHUB_OUTPUT', file, keyValueFileCommand(name, value));
      return;
    }
    // Outside a runner with file commands (old runners): the deprecated stdout form, as @actions/core does.
    this.write(EOL + workflowCommand('set-output', { name }, value));
  }

  /** Appends Markdown to the job summary; throws when the runner gave no summary file. */
  appendSummary(markdown: string): void {
    const file = this.env.GITHUB_STEP_SUMMARY;
    if (!file) throw new Error('GITHUB_STEP_SUMMARY is not set: no job summary on this runner');
    appendToFile('GITHUB_STEP_SUMMARY', file, markdown + EOL);
  }

  get hasSummary(): boolean {
    return Boolean(this.env.GITHUB_STEP_SUMMARY);
  }

  logger(): Logger {
    return {
      info: (m) => this.write(m + EOL),
      warning: (m) => this.write(workflowCommand('warning', {}, m)),
      error: (m, title) => this.write(workflowCommand('error', title ? { title } : {}, m)),
      debug: (m) => this.write(workflowCommand('debug', {}, m)),
    };
  }
}

function appendToFile(variable: string, file: string, text: string): void {
  if (!existsSync(file)) throw new Error(`${variable} points to ${file}, which does not exist`);
  appendFileSync(file, text, { encoding: 'utf8' });
}
