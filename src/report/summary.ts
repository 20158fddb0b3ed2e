// The job summary (SPEC §8): a Markdown page for humans, written with $GITHUB_STEP_SUMMARY.
//
// Everything that comes from the command or from metadata is untrusted and escaped for where it lands:
// - table cells: HTML-escaped, Markdown punctuation turned into character references (which CommonMark
//   shows literally and never treats as syntax), `|` as &#124; (it would split the cell), newlines as <br>;
//   code is shown with <code> + escaping rather than backtick spans (a backtick in the text would end them);
// - captured output: inside <pre> in a <details> block. A <pre> HTML block ends only at a line containing
//   </pre>, </script>, </style> or </textarea>, none of which can appear once `<` is escaped, and its content is
//   not parsed as Markdown; ANSI escapes and control characters are stripped.
// The page stays under 1 MiB (the runner's limit per step summary) whatever the input.
import type { ProfileOutcome, SmokeResult, SmokeStatus } from '../contracts.js';
import type { SuspectReport } from './health/suspects.js';
import { clip, formatDuration, formatSeconds, sha7, utf8Head, utf8Length, utf8Tail } from './text.js';

export interface SummaryContext {
  /** e.g. https://github.com (no trailing slash needed). */
  serverUrl: string;
  /** owner/name, or null outside Actions. */
  repository: string | null;
  artifactUrl: string | null;
  packetPath: string | null;
  /** Main health (SPEC-v2 §4): what this run did to the green ref and the red streak's issue. */
  health?: SummaryHealth | null;
}

export interface SummaryHealth {
  /** null: `green-ref` is off. */
  greenRef: { branch: string; sha: string | null; outcome: string } | null;
  /** null: not a failure, or not looked up. */
  suspects: SuspectReport | null;
  /** null: `escalation-issue` is off. */
  issue: { number: number | null; url: string | null; outcome: string } | null;
}

/** The runner rejects a step summary over 1 MiB; stay clearly below it. */
export const MAX_SUMMARY_BYTES = 1_000_000;
/** Bytes of each stream's tail shown in the summary. */
export const SUMMARY_TAIL_BYTES = 8 * 1024;
/** Bytes of a multi-line command shown in its own block. */
const COMMAND_BLOCK_BYTES = 16 * 1024;

export const STATUS_EMOJI: Record<SmokeStatus, string> = {
  PASS: '✅',
  FAIL: '❌',
  TIMEOUT: '⏱️',
  SKIPPED: '⏭️',
  BLOCKED: '🚫',
  STALE: '💤',
  ERROR: '💥',
  CANCELLED: '🛑',
};

const HTML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&#39;',
};

/** Escapes `& < > " '` for HTML text and attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => HTML_ESCAPES[c]);
}

// eslint-disable-next-line no-control-regex -- terminal escape sequences are exactly what we strip
const ANSI = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[@-Z\\-_]/g;
// eslint-disable-next-line no-control-regex -- control characters other than tab and newline
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f]/g;

/** Removes ANSI escapes and control characters (tab and newline stay); CRLF and lone CR become LF. */
export function plainText(text: string): string {
  return text.replace(ANSI, '').replace(/\r\n?/g, '\n').replace(CONTROL, '');
}

/**
 * Escapes text for a Markdown table cell or any inline position: HTML-escaped, Markdown punctuation as
 * numeric character references, `|` escaped, newlines as <br>.
 */
export function escapeInline(text: string): string {
  // One pass: escaping the punctuation after the HTML would escape the `#` of `&#39;` again.
  return plainText(text)
    .replace(/[&<>"'|`\\*_[\]~!#]/g, (c) => HTML_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`)
    .replace(/\n/g, '<br>');
}

/** `<code>…</code>` with the text escaped for a table cell. */
export function inlineCode(text: string): string {
  return `<code>${escapeInline(text)}</code>`;
}

/** A collapsible block of preformatted text; the content cannot close the block or inject markup. */
export function detailsBlock(summaryHtml: string, text: string): string {
  const body = escapeHtml(plainText(text)).replace(/\n+$/, '');
  return `<details><summary>${summaryHtml}</summary>\n\n<pre>\n${body}\n</pre>\n\n</details>\n`;
}

/** An http(s) link as an HTML anchor, or null when `url` is not a plain http(s) URL. */
export function safeLink(url: string | null, textHtml: string): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return null;
  const href = escapeHtml(parsed.href.replace(/\|/g, '%7C'));
  return `<a href="${href}">${textHtml}</a>`;
}

const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

function repoUrl(ctx: SummaryContext): string | null {
  if (!ctx.repository || !REPOSITORY.test(ctx.repository)) return null;
  return `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}`;
}

const NONE = '—';
const small = (text: string | null, max = 256): string =>
  text === null ? NONE : inlineCode(clip(text, max));

function commitCell(result: SmokeResult, ctx: SummaryContext): string {
  const sha = result.merge_commit;
  if (!sha) return 'unknown';
  const branch = result.base_branch ? ` on ${inlineCode(clip(result.base_branch, 256))}` : '';
  return commitLink(sha, repoUrl(ctx)) + branch;
}

function prCell(result: SmokeResult, ctx: SummaryContext): string {
  if (result.pr_number === null) return NONE;
  const base = repoUrl(ctx);
  const text = `#${result.pr_number}`;
  return (base ? safeLink(`${base}/pull/${result.pr_number}`, text) : null) ?? text;
}

// A merge queue candidate is smoked on the queue's branch: where it waits and what it was built on.
function queueCell(result: SmokeResult, ctx: SummaryContext): string | null {
  const q = result.queue;
  if (!q) return null;
  const on = `candidate on ${inlineCode(clip(q.head_ref, 256))}`;
  return q.base_sha ? `${on}, built on ${commitLink(q.base_sha, repoUrl(ctx))}` : on;
}

function commandCell(result: SmokeResult): string {
  if (result.smoke_command === null) return NONE;
  const lines = result.smoke_command.split(/\r?\n/);
  const multi = lines.length > 1 || result.smoke_command.length > 200;
  const first = clip(lines[0], 200) + (lines.length > 1 ? ' …' : '');
  const source = result.command_source ? ` from ${result.command_source}` : '';
  return `${inlineCode(first)}${source}${multi ? ' (full script below)' : ''}`;
}

function exitCell(result: SmokeResult): string {
  const parts: string[] = [];
  if (result.exit_code !== null) parts.push(`exit code ${result.exit_code}`);
  if (result.signal !== null) parts.push(`signal ${inlineCode(clip(result.signal, 32))}`);
  return parts.length > 0 ? parts.join(', ') : NONE;
}

function durationCell(result: SmokeResult): string {
  const d = result.duration_ms === null ? NONE : formatDuration(result.duration_ms);
  return result.timeout_seconds === null ? d : `${d} (timeout ${formatSeconds(result.timeout_seconds)})`;
}

function attemptsCell(result: SmokeResult): string {
  if (result.attempts.length === 0) return NONE;
  const shown = result.attempts.slice(0, 20).map((a, i) => {
    const how =
      a.signal !== null ? `signal ${escapeInline(clip(a.signal, 32))}` : `exit ${a.exit_code ?? '?'}`;
    return `#${i + 1} ${a.status} (${how}, ${formatDuration(a.duration_ms)})`;
  });
  if (result.attempts.length > 20) shown.push(`… ${result.attempts.length - 20} more`);
  const flaky = result.flaky ? ' — **flaky**: passed after a failed attempt' : '';
  return `${result.attempts.length}: ${shown.join('; ')}${flaky}`;
}

function freshnessCell(result: SmokeResult): string {
  const head = result.origin_head ? `<code>${sha7(result.origin_head)}</code>` : 'unknown';
  const state = result.stale
    ? '**stale**: the base branch had moved past the merge commit'
    : result.origin_head && result.origin_head === result.merge_commit
      ? 'fresh (head = merge commit)'
      : result.origin_head
        ? 'not fresh'
        : 'not checked';
  let after = '';
  if (result.origin_head_after) {
    after =
      result.origin_head_after === result.origin_head
        ? '; unchanged at the end'
        : `; head at the end: <code>${sha7(result.origin_head_after)}</code> (moved during the run)`;
  }
  return `origin head ${head} — ${state}${after}`;
}

function continuationCell(result: SmokeResult): string {
  const c = result.continuation;
  const verdict = c.allow_continuation ? '✅ ready' : '⛔ not ready';
  return `${verdict} — ${escapeInline(clip(c.reason, 500))}`;
}

// The summary's own outcome is not shown: it is being written, and reading it is the proof it was.
function reportingCell(result: SmokeResult): string {
  const r = result.reporting;
  const lines = [
    `commit status: ${escapeInline(clip(r.commit_status, 300))}`,
    `artifact: ${escapeInline(clip(r.artifact, 300))}`,
  ];
  // The hand-over between a run job and a report job, where there is one.
  if (/^(uploaded|read|failed)/.test(r.result_artifact))
    lines.push(`result artifact: ${escapeInline(clip(r.result_artifact, 300))}`);
  return lines.join('<br>');
}

function artifactCell(ctx: SummaryContext): string | null {
  const parts: string[] = [];
  const link = safeLink(ctx.artifactUrl, 'escalation artifact');
  if (link) parts.push(link);
  if (ctx.packetPath) parts.push(`packet: ${inlineCode(clip(ctx.packetPath, 512))}`);
  if (parts.length === 0) return null;
  return parts.join('<br>');
}

function commitLink(sha: string, base: string | null): string {
  const code = `<code>${sha7(sha)}</code>`;
  return (base ? safeLink(`${base}/commit/${sha}`, code) : null) ?? code;
}

function greenRefCell(health: SummaryHealth | null | undefined, base: string | null): string | null {
  const g = health?.greenRef;
  if (!g) return null;
  const at = g.sha ? `at ${commitLink(g.sha, base)}` : 'does not exist';
  return `${inlineCode(clip(g.branch, 256))} ${at} — ${escapeInline(clip(g.outcome, 300))}`;
}

function suspectsCell(health: SummaryHealth | null | undefined): string | null {
  const s = health?.suspects;
  if (!s) return null;
  const count = s.suspects.length === 1 ? '1 commit' : `${s.suspects.length} commits`;
  return `${count}: ${escapeInline(clip(s.note, 500))}${s.suspects.length > 0 ? ' (listed below)' : ''}`;
}

function issueCell(health: SummaryHealth | null | undefined): string | null {
  const i = health?.issue;
  if (!i) return null;
  const link = i.number === null ? null : (safeLink(i.url, `#${i.number}`) ?? `#${i.number}`);
  return `${link ? `${link} — ` : ''}${escapeInline(clip(i.outcome, 300))}`;
}

/** The suspects as a Markdown table: commit and PR linked, author and subject as code (no mentions, no markup). */
export function suspectsTable(report: SuspectReport, base: string | null): string {
  if (report.suspects.length === 0) return '';
  const rows = report.suspects.map((s) => {
    const pr =
      s.pr_number === null
        ? NONE
        : ((base ? safeLink(`${base}/pull/${s.pr_number}`, `#${s.pr_number}`) : null) ?? `#${s.pr_number}`);
    return `| ${commitLink(s.sha, base)} | ${pr} | ${inlineCode(s.author)} | ${inlineCode(s.subject)} |\n`;
  });
  return `| commit | pull request | author | subject |\n|---|---|---|---|\n${rows.join('')}`;
}

/** `https://github.com/owner/name`, or null when the repository is unknown or not a plain owner/name. */
export function repositoryUrl(serverUrl: string, repository: string | null): string | null {
  return repoUrl({ serverUrl, repository, artifactUrl: null, packetPath: null });
}

function streamBlock(name: 'stdout' | 'stderr', result: SmokeResult, tailBytes: number): string | null {
  const text = result[name];
  if (text === null) return null;
  const total = result[`${name}_bytes`];
  const truncated = result[`${name}_truncated`];
  const tail = utf8Tail(text, tailBytes);
  const cut = tail.length < text.length;
  const totalText = total === null ? '' : ` of ${total} bytes`;
  const label =
    text === ''
      ? `${name} (empty)`
      : cut || truncated
        ? `${name} — last ${formatBytes(utf8Length(tail))}${totalText}`
        : `${name}${totalText}`;
  return detailsBlock(escapeHtml(label), (cut ? '…\n' : '') + tail);
}

function formatBytes(n: number): string {
  return n < 1024 ? `${n} B` : `${(n / 1024).toFixed(1)} KiB`;
}

function render(result: SmokeResult, ctx: SummaryContext, tailBytes: number): string {
  const rows: [string, string | null][] = [
    ['Status', `**${result.status}** (${inlineCode(result.reason)})`],
    ['Message', escapeInline(clip(result.message, 2000))],
    ['Commit', commitCell(result, ctx)],
    ['Queue entry', queueCell(result, ctx)],
    ['Pull request', prCell(result, ctx)],
    ['Task', small(result.task_id)],
    ['Profile', small(result.profile)],
    ['Command', commandCell(result)],
    ['Dry run', result.dry_run ? 'yes' : 'no'],
    ['Duration', durationCell(result)],
    ['Exit', exitCell(result)],
    ['Attempts', attemptsCell(result)],
    ['Orphans killed', result.orphans_killed > 0 ? String(result.orphans_killed) : null],
    ['Freshness', freshnessCell(result)],
    ['Continuation', continuationCell(result)],
    ['Green ref', greenRefCell(ctx.health, repoUrl(ctx))],
    ['Suspects', suspectsCell(ctx.health)],
    ['Escalation issue', issueCell(ctx.health)],
    ['Reporting', reportingCell(result)],
    ['Artifact', artifactCell(ctx)],
    ['Run', result.run ? safeLink(result.run.url, `run ${escapeInline(clip(result.run.run_id, 64))}`) : null],
  ];
  const out: string[] = [];
  out.push(`## ${STATUS_EMOJI[result.status]} post-merge-smoke: ${result.status}\n\n`);
  out.push('| | |\n|---|---|\n');
  for (const [label, value] of rows) {
    if (value !== null) out.push(`| ${label} | ${value} |\n`);
  }
  out.push('\n');
  const suspects = ctx.health?.suspects ? suspectsTable(ctx.health.suspects, repoUrl(ctx)) : '';
  if (suspects) out.push('### Suspects\n\n', suspects, '\n');
  if (result.profiles !== null) out.push(profilesSection(result.profiles));
  if (result.smoke_command !== null && /\n/.test(result.smoke_command.trim())) {
    const script = utf8Head(result.smoke_command, COMMAND_BLOCK_BYTES);
    const more = script.length < result.smoke_command.length ? '\n…' : '';
    out.push(detailsBlock('Command script', script + more), '\n');
  }
  for (const name of ['stdout', 'stderr'] as const) {
    const block = streamBlock(name, result, tailBytes);
    if (block) out.push(block, '\n');
  }
  return out.join('');
}

/** Failing profiles whose output tails are shown; the table lists them all. */
const MAX_PROFILE_TAILS = 20;

/** A fan-out (SPEC-v2 §5): one row per profile, then the output tails of those that did not pass. */
function profilesSection(profiles: readonly ProfileOutcome[]): string {
  const rows = profiles.map((p) => {
    const exit = p.exit_code === null ? NONE : String(p.exit_code);
    const time = p.duration_ms === null ? NONE : formatDuration(p.duration_ms);
    return `| ${inlineCode(clip(p.profile, 128))} | ${STATUS_EMOJI[p.status]} ${p.status} | ${inlineCode(p.reason)} | ${exit} | ${time} |`;
  });
  const out = [
    `### Profiles (${profiles.length})\n`,
    '| profile | status | reason | exit | time |',
    '|---|---|---|---|---|',
    ...rows,
    '',
  ];
  const failing = profiles.filter((p) => p.status !== 'PASS' && p.status !== 'SKIPPED');
  for (const p of failing.slice(0, MAX_PROFILE_TAILS)) {
    for (const [name, text] of [
      ['stdout', p.stdout_tail],
      ['stderr', p.stderr_tail],
    ] as const) {
      if (text !== '') out.push(detailsBlock(`${escapeHtml(p.profile)}: ${name} (last lines)`, text));
    }
  }
  return out.join('\n') + '\n';
}

/**
 * The job summary for `result` as Markdown. Pure. Expects an already redacted result. Under
 * MAX_SUMMARY_BYTES whatever the input: the output tails shrink first, then only the table is kept.
 */
export function renderSummary(result: SmokeResult, ctx: SummaryContext): string {
  for (let tail = SUMMARY_TAIL_BYTES; tail >= 256; tail = Math.floor(tail / 2)) {
    const md = render(result, ctx, tail);
    if (utf8Length(md) <= MAX_SUMMARY_BYTES) return md;
  }
  const md = render({ ...result, stdout: null, stderr: null, smoke_command: null }, ctx, 0);
  return utf8Length(md) <= MAX_SUMMARY_BYTES
    ? md
    : `## ${STATUS_EMOJI[result.status]} post-merge-smoke: ${result.status}\n\n${escapeInline(clip(result.message, 2000))}\n`;
}
