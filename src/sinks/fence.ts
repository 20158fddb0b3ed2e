// The runner interprets `::command::` lines (and the legacy `##[command]`) in a step's stdout. Text the
// action did not author — the smoke's output, API error bodies, metadata — is written inside a
// `::stop-commands::<token>` fence whose token the text cannot know, so none of it can act on the runner.
import { randomBytes } from 'node:crypto';

/** A fresh, unguessable token for `::stop-commands::` (the command's output cannot know it). */
export function stopCommandsToken(): string {
  return randomBytes(16).toString('hex');
}

/** The line that stops workflow command processing until `resumeCommandsLine(token)`. */
export function stopCommandsLine(token: string): string {
  return `::stop-commands::${token}\n`;
}

/** The line that resumes workflow command processing. */
export function resumeCommandsLine(token: string): string {
  return `::${token}::\n`;
}

/**
 * `text` fenced for one log call (which adds the final newline): the runner prints it verbatim and parses no
 * `::command::` or legacy `##[command]` in it. For text the action logs that it did not author (the command
 * it runs, a packet holding the command's output).
 */
export function fencedText(text: string, token: string = stopCommandsToken()): string {
  return `${stopCommandsLine(token)}${text}\n${resumeCommandsLine(token).trimEnd()}`;
}

/**
 * Runs `fn` with workflow commands stopped: writes the stop line, awaits `fn`, and always writes the resume
 * line (also when `fn` throws). Nothing written in between is interpreted by the runner — including the
 * action's own `core.warning` / `core.error` calls, so issue annotations after this returns.
 */
export async function withWorkflowCommandsStopped<T>(
  write: (text: string) => void,
  fn: () => Promise<T>,
  token: string = stopCommandsToken(),
): Promise<T> {
  write(stopCommandsLine(token));
  try {
    return await fn();
  } finally {
    write(resumeCommandsLine(token));
  }
}

/**
 * A line start followed by what the runner trims before it looks for `::` (.NET's TrimStart: every Unicode
 * white space, NEL and the line and paragraph separators included), and the control characters a terminal
 * would not show: any of them before `::` may start a command.
 */
const COMMAND_START = /(?:^|[\n\r\u2028\u2029])[\s\p{Cc}\p{Z}\u0085\ufeff]*::/u;

/** Could a line of `text` be read by the runner as a workflow command (`::name::`, or the legacy `##[name]`)? */
export function looksLikeWorkflowCommand(text: string): boolean {
  return COMMAND_START.test(text) || text.includes('##[');
}
