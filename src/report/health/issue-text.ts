// The words of the red streak's issue. Pure. Everything that comes from the command or from metadata (the
// message, output, subjects, authors, task ids) is untrusted: it is redacted before it gets here, and it is
// put inside <code> or <pre> with HTML escaped — markup cannot break out, and GitHub neither turns an
// `@name` there into a mention that notifies someone nor a `#12` into a cross-reference. Links are built only
// from our own values (hex SHAs, PR numbers, the repository URL, the run URL checked to be http(s)).
import type { SmokeResult } from '../../contracts.js';
import { detailsBlock, inlineCode, safeLink, suspectsTable } from '../summary.js';
import { clip, formatDuration, sha7, utf8Tail } from '../text.js';
import { marker } from './streak.js';
import type { SuspectReport } from './suspects.js';

/** GitHub refuses issue bodies and comments over 65536 characters. */
const MAX_BODY_CHARS = 60_000;
const OUTPUT_TAIL_BYTES = 2048;

export interface IssueTextContext {
  /** Redacted. */
  result: SmokeResult;
  /** `https://github.com/owner/name`; null when unknown. */
  repoUrl: string | null;
  suspects: SuspectReport | null;
}

/** The base branch as plain text for a title: only the characters a branch name is usually made of. */
function branchOf(result: SmokeResult): string {
  return clip((result.base_branch ?? 'main').replace(/[^A-Za-z0-9._/-]/g, '_'), 80);
}

function commitRef(sha: string | null, repoUrl: string | null): string {
  if (!sha) return 'an unknown commit';
  const code = `<code>${sha7(sha)}</code>`;
  return (repoUrl ? safeLink(`${repoUrl}/commit/${sha}`, code) : null) ?? code;
}

function prRef(n: number | null, repoUrl: string | null): string {
  if (n === null) return '';
  return ` (PR ${(repoUrl ? safeLink(`${repoUrl}/pull/${n}`, `#${n}`) : null) ?? `#${n}`})`;
}

function runRef(result: SmokeResult): string {
  return safeLink(result.run?.url ?? null, 'the workflow run') ?? 'the workflow run';
}

/** "post-merge-smoke: main is red since abc1234 (PR #12)": the first failing commit and its PR. */
export function issueTitle(result: SmokeResult): string {
  const pr = result.pr_number === null ? '' : ` (PR #${result.pr_number})`;
  return `post-merge-smoke: ${branchOf(result)} is red since ${sha7(result.merge_commit) ?? 'an unknown commit'}${pr}`;
}

/** "**FAIL** (`exit_nonzero`) on abc1234 (PR #12): <message>" */
function verdictLine(c: IssueTextContext): string {
  const r = c.result;
  const task = r.task_id ? `, task ${inlineCode(clip(r.task_id, 100))}` : '';
  return (
    `The smoke ended **${r.status}** (${inlineCode(r.reason)}) on ${commitRef(r.merge_commit, c.repoUrl)}` +
    `${prRef(r.pr_number, c.repoUrl)}${task} — see ${runRef(r)}:\n\n${inlineCode(clip(r.message, 1000))}\n`
  );
}

function outputTail(result: SmokeResult): string {
  const [name, text] = result.stderr ? ['stderr', result.stderr] : ['stdout', result.stdout ?? ''];
  if (!text) return '';
  const tail = utf8Tail(text, OUTPUT_TAIL_BYTES);
  return `\n${detailsBlock(`${name} (last ${tail.length < text.length ? 'part' : 'lines'})`, tail)}`;
}

function suspectsPart(c: IssueTextContext): string {
  const s = c.suspects;
  if (!s) return '';
  const table = suspectsTable(s, c.repoUrl);
  const count = s.suspects.length === 1 ? '1 commit' : `${s.suspects.length} commits`;
  return `\n### Suspects: ${count}\n\n${inlineCode(clip(s.note, 500))}\n\n${table}`;
}

function bounded(text: string): string {
  return text.length <= MAX_BODY_CHARS
    ? text
    : `${clip(text, MAX_BODY_CHARS)}\n\n(cut to fit GitHub's limit)\n`;
}

/** The body of the issue the first failure of a streak opens. */
export function openingBody(c: IssueTextContext, key: string): string {
  const branch = inlineCode(branchOf(c.result));
  return bounded(
    `${marker(key)}\n## ${branch} is red\n\n${verdictLine(c)}${suspectsPart(c)}${outputTail(c.result)}\n` +
      `This issue stays open while ${branch} is red: every further failure adds a comment, and the next ` +
      'passing smoke closes it. (Written by post-merge-smoke.)\n',
  );
}

/** The comment a further failure of the streak adds. */
export function failureComment(c: IssueTextContext, key: string): string {
  return bounded(`${marker(key)}\nStill red.\n\n${verdictLine(c)}${outputTail(c.result)}`);
}

/** The comment that closes the streak: the green commit, and how long main was red. */
export function recoveryComment(c: IssueTextContext, key: string, redSince: string, now: Date): string {
  const r = c.result;
  const since = Date.parse(redSince);
  const howLong = Number.isFinite(since) ? `for ${formatDuration(Math.max(0, now.getTime() - since))} ` : '';
  const branch = inlineCode(branchOf(r));
  return (
    `${marker(key)}\n${branch} is green again: the smoke passed on ${commitRef(r.merge_commit, c.repoUrl)}` +
    `${prRef(r.pr_number, c.repoUrl)} — see ${runRef(r)}.\n\n${branch} was red ${howLong}` +
    `(since ${inlineCode(redSince)}, when this issue was opened). Closing.\n`
  );
}
