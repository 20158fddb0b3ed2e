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

/** Could a line of `text` be read by the runner as a workflow command? */
export function looksLikeWorkflowCommand(text: string): boolean {
  return /^[ \t]*::|##\[/m.test(text);
}
