// The CLI's readable report of a SmokeResult or a plan. Terminal text, not Markdown: control characters
// in captured output are made visible so a smoke's output cannot rewrite the terminal.
import type { ProfileOutcome, SmokeResult } from '../contracts.js';
import type { Command, Plan } from '../modes/index.js';
import type { RunFacts, Verdict } from '../pipeline/index.js';
import { formatDuration, utf8Tail } from '../report/index.js';
import { terminalSafe } from '../sinks/index.js';

const TAIL_BYTES = 2048;

function line(label: string, value: string): string {
  return `  ${label.padEnd(13)} ${value}`;
}

/** Lines after the first of a multi-line value, aligned under it. */
const indentLines = (text: string) =>
  terminalSafe(text)
    .split('\n')
    .join('\n' + ' '.repeat(16));

function freshness(r: Pick<SmokeResult, 'origin_head' | 'stale' | 'base_branch'>): string {
  if (!r.origin_head) return 'unknown';
  const head = `${r.base_branch ?? 'base'} at ${r.origin_head.slice(0, 12)}`;
  return r.stale ? `STALE (${head})` : `fresh (${head})`;
}

function tail(label: string, text: string | null, bytes: number | null, truncated: boolean): string[] {
  if (text === null || text === '') return [];
  const shown = utf8Tail(text, TAIL_BYTES);
  const note = `${bytes ?? 0} bytes${truncated ? ', head/tail kept' : ''}${shown.length < text.length ? ', last 2 KiB shown' : ''}`;
  return [
    `  ${label} (${note}):`,
    ...terminalSafe(shown.replace(/\n$/, ''))
      .split('\n')
      .map((l) => `    | ${l}`),
  ];
}

export function renderResultText(
  r: SmokeResult,
  paths: { resultPath: string | null; packetPath: string | null },
): string {
  const out = [
    `${r.status}  ${r.reason}: ${terminalSafe(r.message)}`,
    line('commit', r.merge_commit ?? 'unknown'),
    line('freshness', freshness(r)),
    line('task', r.task_id ?? '-'),
    line('pull request', r.pr_number === null ? '-' : `#${r.pr_number}`),
    line('profile', r.profile ?? '-'),
    line('command', r.smoke_command === null ? '-' : indentLines(r.smoke_command)),
    line('source', r.command_source ?? '-'),
    ...(r.profiles ? profilesTable(r.profiles) : []),
  ];
  if (r.attempts.length > 0) {
    out.push(
      line(
        'exit',
        `${r.exit_code ?? '-'}${r.signal ? ` (${r.signal})` : ''} after ${formatDuration(r.duration_ms ?? 0)}`,
      ),
      line('attempts', `${r.attempts.map((a) => a.status).join(' → ')}${r.flaky ? ' (flaky)' : ''}`),
    );
    if (r.orphans_killed > 0) out.push(line('orphans', `${r.orphans_killed} leftover process(es) killed`));
  }
  out.push(
    line('continuation', r.merge_queue_continuation_ready ? 'ready' : `not ready (${r.continuation.reason})`),
    ...tail('stdout', r.stdout, r.stdout_bytes, r.stdout_truncated),
    ...tail('stderr', r.stderr, r.stderr_bytes, r.stderr_truncated),
  );
  if (paths.resultPath) out.push(line('result', paths.resultPath));
  if (paths.packetPath) out.push(line('packet', `${paths.packetPath} (Critical #7 POST_MERGE_SMOKE_FAILED)`));
  return out.join('\n') + '\n';
}

/** One row per profile of a fold: status, reason, exit code, time — the profile that decides is marked. */
export function profilesTable(profiles: readonly ProfileOutcome[]): string[] {
  const rows = profiles.map((p) => [
    terminalSafe(p.profile),
    p.status,
    p.reason,
    p.exit_code === null ? '-' : String(p.exit_code),
    p.duration_ms === null ? '-' : formatDuration(p.duration_ms),
  ]);
  const head = ['profile', 'status', 'reason', 'exit', 'time'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const format = (cells: string[]) =>
    `    ${cells.map((cell, i) => cell.padEnd(widths[i]!)).join('  ')}`.trimEnd();
  return [`  profiles      ${profiles.length}:`, format(head), ...rows.map(format)];
}

/** `run --all-profiles` without --apply: each profile's command, or how it would end; nothing executed. */
export function renderAllProfilesPlan(plan: Plan, shards: readonly ShardPlan[]): string {
  const how = plan.fanOut === 'paths' ? 'fan-out by paths' : 'every profile of the registry';
  const out = [
    `PLAN  ${shards.length} profile(s), ${how}; nothing was executed; pass --apply to run them`,
    line('commit', plan.mergeCommit),
  ];
  for (const s of shards) {
    out.push(`  ${terminalSafe(s.profile)}  (${terminalSafe(s.why)})`);
    if (s.command) {
      out.push(line('  command', indentLines(s.command.command)), line('  source', s.command.source));
    } else if (s.wouldEnd) {
      const v = s.wouldEnd;
      out.push(line('  would end', `${v.status} ${v.reason}: ${terminalSafe(v.message)}`));
    }
  }
  if (shards.length === 0)
    out.push('  no profile is selected: nothing would run (SKIPPED no_profile_matched)');
  return out.join('\n') + '\n';
}

/** What `run --all-profiles` would do for one profile. */
export interface ShardPlan {
  profile: string;
  why: string;
  command: Command | null;
  wouldEnd: Verdict | null;
}

function planFacts(facts: RunFacts): string[] {
  return [
    line('commit', facts.mergeCommit ?? 'unknown'),
    line(
      'freshness',
      freshness({ origin_head: facts.originHead, stale: facts.stale, base_branch: facts.baseBranch }),
    ),
    line('task', facts.taskId ?? '-'),
    line('pull request', facts.prNumber === null ? '-' : `#${facts.prNumber}`),
    line('profile', facts.profile ?? '-'),
  ];
}

/** A plan that got to a command: what --apply would run, and what in the working tree it would refuse. */
export function renderPlanText(
  plan: Command,
  facts: RunFacts,
  workspace: { refusals: readonly string[]; dirtyFiles: readonly string[] },
): string {
  const { refusals, dirtyFiles } = workspace;
  const head =
    refusals.length === 0
      ? 'PLAN  nothing was executed; pass --apply to run the command'
      : 'PLAN  nothing was executed; --apply would refuse to run it here (see below)';
  const out = [
    head,
    ...planFacts(facts),
    line('command', indentLines(plan.command)),
    line('source', plan.source),
    line('shell', plan.shell),
    line('directory', plan.workingDirectory),
    line('timeout', `${plan.timeoutSeconds} s`),
    line('working tree', workingTree(refusals, dirtyFiles)),
    ...refusals.map((r) => `  refuses:      ${terminalSafe(r)}`),
  ];
  return out.join('\n') + '\n';
}

function workingTree(refusals: readonly string[], dirtyFiles: readonly string[]): string {
  if (refusals.length > 0) return `--apply would refuse`;
  if (dirtyFiles.length === 0) return 'at the commit, no uncommitted changes';
  return `at the commit; uncommitted changes allowed (--allow-dirty): ${terminalSafe(dirtyFiles.slice(0, 5).join(', '))}${dirtyFiles.length > 5 ? ', …' : ''}`;
}

/** A plan that stopped before a command: the verdict --apply would give (nothing was published). */
export function renderPlanStopText(verdict: Verdict, facts: RunFacts): string {
  return (
    [
      `PLAN  nothing was executed; --apply would end ${verdict.status} ${verdict.reason}: ${terminalSafe(verdict.message)}`,
      ...planFacts(facts),
    ].join('\n') + '\n'
  );
}

export function renderHint(hint: string | null): string {
  return hint ? `hint: ${terminalSafe(hint)}\n` : '';
}
