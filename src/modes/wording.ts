// The few words that differ between the action and the CLI, in one place: how an input is named (an action
// input or a command-line flag) and the advice after a stale verdict.
import { freshnessMessageForAction, type FreshnessVerdict } from '../freshness/index.js';

export type Entry = 'action' | 'cli';

/** "input 'base-branch'" for the action, "--base-branch" on the command line. */
export function inputName(entry: Entry, name: string): string {
  return entry === 'cli' ? `--${name}` : `input '${name}'`;
}

/** The freshness verdict's message, with the advice that fits where it is read. */
export function freshnessMessage(entry: Entry, verdict: FreshnessVerdict): string {
  if (entry === 'action') return freshnessMessageForAction(verdict);
  if (verdict.kind !== 'stale') return verdict.message;
  return `${verdict.message.replace(/\.$/, '')}; pass --on-stale run to smoke it anyway.`;
}
