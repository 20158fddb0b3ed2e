// The gate's job summary: its verdict, the base branch's state and the commit that turned it red, with links.
// Titles, URLs and labels come from the API and are escaped for where they land (report/summary.ts's rules).
import { escapeInline, safeLink } from '../report/index.js';
import type { GateOutcome } from './gate.js';
import { short } from './stages/main-state.js';

export interface GateSummaryContext {
  serverUrl: string;
  repository: string | null;
}

const EMOJI: Record<string, string> = { PASS: '✅', FAIL: '⛔' };
const HEADLINE: Record<string, string> = {
  main_green: 'the base branch is green',
  main_unknown: 'the state of the base branch is unknown',
  bypassed: 'the base branch is red; this fix passes',
  main_red: 'the base branch is red',
};

export function renderGateSummary(g: GateOutcome, ctx: GateSummaryContext): string {
  const headline = HEADLINE[g.reason] ?? `could not decide (${g.reason})`;
  const out = [`## ${EMOJI[g.status] ?? '💥'} post-merge-smoke gate: ${g.status} — ${headline}\n\n`];
  out.push(`${escapeInline(g.message)}\n\n`);
  const rows = g.decision ? decisionRows(g, ctx) : [];
  if (rows.length > 0) {
    out.push('| | |\n|---|---|\n');
    for (const [label, value] of rows) out.push(`| ${label} | ${value} |\n`);
  }
  return out.join('');
}

function decisionRows(g: GateOutcome, ctx: GateSummaryContext): [string, string][] {
  const h = g.decision!.health;
  const repo = ctx.repository ? `${ctx.serverUrl.replace(/\/+$/, '')}/${ctx.repository}` : null;
  const commit = (sha: string) =>
    (repo ? safeLink(`${repo}/commit/${sha}`, `<code>${short(sha)}</code>`) : null) ??
    `<code>${short(sha)}</code>`;
  const rows: [string, string][] = [
    ['Base branch state', `**${g.mainState}** (${h.examined} first-parent commits read)`],
  ];
  if (h.decidedBy)
    rows.push(['Newest final status', `${commit(h.decidedBy.sha)}: ${h.decidedBy.status!.state}`]);
  const first = h.redSince;
  if (first) {
    const pr = first.pull
      ? `PR #${first.pull.number} ${escapeInline(first.pull.title)}`
      : 'no pull request known';
    const run = safeLink(first.status!.targetUrl, 'its run') ?? 'no run link';
    rows.push(['Red since', `${commit(first.sha)} — ${pr}, ${run}${h.streakOpen ? ' (or earlier)' : ''}`]);
    rows.push(['Failing commits', String(h.failing)]);
  }
  rows.push(['Bypassed', g.bypassed ? 'yes' : 'no']);
  return rows;
}
