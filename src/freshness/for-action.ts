// The action's wording of a freshness verdict: the facts plus the advice that holds in a workflow run (a
// push of a newer head starts a run of its own). The CLI adds its own advice instead.
import type { FreshnessVerdict } from './types.js';

export function freshnessMessageForAction(verdict: FreshnessVerdict): string {
  if (verdict.kind === 'stale' && verdict.reason === 'superseded') {
    return `${verdict.message.replace(/\.$/, '')}: a newer run covers the newer head.`;
  }
  return verdict.message;
}
