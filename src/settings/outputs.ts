// Every output of the action, declared once: action.yml's `outputs:` and the README's table are generated
// from this table, and the publisher sets every one of them on every exit path ('' where not applicable).
import type { SmokeResult } from '../contracts.js';

/** Everything an output's value can come from, gathered by the publisher at the end of a run. */
export interface OutputSources {
  mode: string;
  /** The run's verdict status (also for modes that produce no SmokeResult). */
  status: string;
  result: SmokeResult | null;
  /** The `result` output's JSON: the result shrunk to fit the runner's output limit. */
  resultJson: string;
  resultPath: string | null;
  packetPath: string | null;
  artifact: { id: number; url: string | null } | null;
  greenSha: string | null;
  matrix: string | null;
  profiles: string[] | null;
  issueNumber: number | null;
  mainState: 'green' | 'red' | 'unknown' | null;
  redSince: string | null;
  bypassed: boolean | null;
}

export interface OutputDef {
  name: string;
  description: string;
  value: (s: OutputSources) => string;
}

const str = (v: string | number | null | undefined): string => (v == null ? '' : String(v));
const flag = (v: boolean | null): string => (v === null ? '' : v ? 'true' : 'false');

export const OUTPUTS = [
  {
    name: 'status',
    description: 'PASS, FAIL, TIMEOUT, SKIPPED, BLOCKED, STALE, ERROR or CANCELLED.',
    value: (s) => s.status,
  },
  {
    name: 'result',
    description: 'The SmokeResult JSON (schema post-merge-smoke/smoke-result@2).',
    value: (s) => s.resultJson,
  },
  {
    name: 'result-path',
    description: 'Path of the SmokeResult file ($RUNNER_TEMP/post-merge-smoke/smoke-result.json).',
    value: (s) => str(s.resultPath),
  },
  {
    name: 'merge-commit',
    description: 'The 40-hex SHA under test.',
    value: (s) => str(s.result?.merge_commit),
  },
  {
    name: 'origin-head',
    description: 'Head of the base branch seen by the freshness check.',
    value: (s) => str(s.result?.origin_head),
  },
  {
    name: 'task-id',
    description: 'Task id of this merge, if one was found.',
    value: (s) => str(s.result?.task_id),
  },
  {
    name: 'pr-number',
    description: 'Number of the merged pull request, if one was found.',
    value: (s) => str(s.result?.pr_number),
  },
  {
    name: 'exit-code',
    description: 'Exit code of the smoke command (128+n when killed by signal n); empty when it did not run.',
    value: (s) => str(s.result?.exit_code),
  },
  {
    name: 'duration-ms',
    description: 'Wall time of the smoke command in milliseconds; empty when it did not run.',
    value: (s) => str(s.result?.duration_ms),
  },
  {
    name: 'continuation-ready',
    description:
      '`true` when the merge queue may go on (PASS, or SKIPPED by policy), else `false`; empty for a mode without a SmokeResult (plan, gate, validate).',
    value: (s) => (s.result === null ? '' : s.result.merge_queue_continuation_ready ? 'true' : 'false'),
  },
  {
    name: 'packet-path',
    description: 'Path of the Critical #7 escalation packet on disk, when one was built.',
    value: (s) => str(s.packetPath),
  },
  {
    name: 'artifact-id',
    description: 'Id of the uploaded escalation artifact, when one was uploaded.',
    value: (s) => str(s.artifact?.id),
  },
  {
    name: 'artifact-url',
    description: 'URL of the uploaded escalation artifact, when one was uploaded.',
    value: (s) => str(s.artifact?.url),
  },
  {
    name: 'mode',
    description: 'The mode that ran: run, plan, report, gate or validate.',
    value: (s) => s.mode,
  },
  {
    name: 'green-sha',
    description: 'The commit the `green-ref` branch points at after this run; empty when `green-ref` is off.',
    value: (s) => str(s.greenSha),
  },
  {
    name: 'matrix',
    description: 'For `mode: plan`: JSON for `strategy.matrix`, `{"include":[{"profile":"api"},…]}`.',
    value: (s) => str(s.matrix),
  },
  {
    name: 'profiles',
    description: 'For `mode: plan`: the selected profiles, comma-separated.',
    value: (s) => (s.profiles === null ? '' : s.profiles.join(',')),
  },
  {
    name: 'issue-number',
    description: 'The open escalation issue of the current red streak; empty when there is none.',
    value: (s) => str(s.issueNumber),
  },
  {
    name: 'main-state',
    description: 'For `mode: gate`: `green`, `red` or `unknown`.',
    value: (s) => str(s.mainState),
  },
  {
    name: 'red-since',
    description: 'For `mode: gate`: the first failing commit of the red streak; empty otherwise.',
    value: (s) => str(s.redSince),
  },
  {
    name: 'bypassed',
    description: 'For `mode: gate`: `true` when a red base branch was bypassed by a fix (label or revert).',
    value: (s) => flag(s.bypassed),
  },
] as const satisfies readonly OutputDef[];

export type OutputName = (typeof OUTPUTS)[number]['name'];
