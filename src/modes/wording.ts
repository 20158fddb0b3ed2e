// The few words that differ between the action and the CLI, in one place: how an input is named (an action
// input or a command-line flag) and the advice after a stale verdict.
import { freshnessMessageForAction, type FreshnessVerdict } from '../freshness/index.js';

export type Entry = 'action' | 'cli';

/** "input 'base-branch'" for the action, "--base-branch" on the command line. */
export function inputName(entry: Entry, name: string): string {
  return entry === 'cli' ? `--${name}` : `input '${name}'`;
}

/** The freshness verdict's message: the action adds its advice; the CLI gives its own as a hint line. */
export function freshnessMessage(entry: Entry, verdict: FreshnessVerdict): string {
  return entry === 'action' ? freshnessMessageForAction(verdict) : verdict.message;
}
