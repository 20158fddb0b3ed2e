// The §2 / §10 policy as a pure function: what to do with a resolution outcome.
//
// | dry-run | command resolved | result                                   |
// |---------|------------------|------------------------------------------|
// | true    | no               | SKIPPED no_command                       |
// | true    | yes              | run it; verdict as usual                 |
// | false   | no               | BLOCKED no_command (+ packet)            |
// | false   | yes              | run it; PASS required for continuation   |
//
// A BLOCKED outcome (invalid config, unknown profile, untrusted source, invalid input) stays BLOCKED
// whatever dry-run says: dry-run forgives a missing command, never a broken or untrusted one.
import type { CommandSource, Reason } from '../contracts.js';
import type { CommandOptions, ResolveOutcome } from './types.js';

export type PolicyDecision =
  | {
      kind: 'run';
      command: string;
      source: CommandSource;
      options: CommandOptions;
      message: string;
    }
  | { kind: 'skip'; status: 'SKIPPED'; reason: 'no_command'; message: string }
  | { kind: 'block'; status: 'BLOCKED'; reason: Reason; message: string };

export function applyPolicy(dryRun: boolean, outcome: ResolveOutcome): PolicyDecision {
  switch (outcome.kind) {
    case 'command':
      return {
        kind: 'run',
        command: outcome.command,
        source: outcome.source,
        options: outcome.options,
        message: dryRun
          ? `Running the smoke command from ${outcome.source} (dry-run does not skip a resolved command).`
          : `Running the smoke command from ${outcome.source}; PASS is required for the merge queue to continue.`,
      };
    case 'none':
      return dryRun
        ? {
            kind: 'skip',
            status: 'SKIPPED',
            reason: 'no_command',
            message: `Skipped: no smoke command is defined for this merge and dry-run is true. ${outcome.message}`,
          }
        : {
            kind: 'block',
            status: 'BLOCKED',
            reason: 'no_command',
            message: `Blocked: no smoke command is defined for this merge and dry-run is false, so the merge cannot be verified. ${outcome.message}`,
          };
    case 'blocked':
      return { kind: 'block', status: 'BLOCKED', reason: outcome.reason, message: outcome.message };
  }
}
