// The red streak's issue, through the API: find the streak's open issue by its label (and our marker in its
// body), read what it already records, then do what streak.ts decides — open, comment, close, or nothing.
import type { GitHubApi, IssueInfo } from '../../adapters/index.js';
import { idempotencyKey } from '../packet.js';
import {
  failureComment,
  issueTitle,
  openingBody,
  recoveryComment,
  type IssueTextContext,
} from './issue-text.js';
import { healthSignal } from './signal.js';
import { decideIssueAction, greenKey, markedKeys, type StreakIssue } from './streak.js';

export interface EscalationInput {
  label: string;
  /** Redacted, suspects and links for the texts. */
  text: IssueTextContext;
  now: Date;
  /** Applied to every text sent (commit subjects come from the API, not from the redacted result). */
  redact: (text: string) => string;
}

export interface EscalationOutcome {
  /** For `reporting.escalation_issue`. */
  text: string;
  /** The open issue of the streak after this run (the `issue-number` output); null when none is open. */
  issueNumber: number | null;
  issueUrl: string | null;
}

export async function updateEscalationIssue(
  api: GitHubApi,
  input: EscalationInput,
): Promise<EscalationOutcome> {
  const result = input.text.result;
  const signal = healthSignal(result);
  const key = signal.kind === 'green' ? greenKey(result.merge_commit ?? 'unknown') : idempotencyKey(result);
  const open = await findStreakIssue(api, input.label, signal.kind !== 'none');
  const action = decideIssueAction(signal, key, open?.streak ?? null);
  const at = (issue: IssueInfo | null, text: string): EscalationOutcome => ({
    text,
    issueNumber: issue?.number ?? null,
    issueUrl: issue?.htmlUrl || null,
  });
  switch (action.kind) {
    case 'none':
      return at(open?.issue ?? null, `unchanged: ${action.why}`);
    case 'open': {
      const body = input.redact(openingBody(input.text, key));
      const issue = await api.createIssue({ title: issueTitle(result), body, labels: [input.label] });
      return at(issue, `opened #${issue.number}`);
    }
    case 'comment':
      await api.commentOnIssue(action.issue, input.redact(failureComment(input.text, key)));
      return at(open!.issue, `commented on #${action.issue}`);
    case 'close':
      if (action.comment) {
        const comment = recoveryComment(input.text, key, open!.issue.createdAt, input.now);
        await api.commentOnIssue(action.issue, input.redact(comment));
      }
      await api.closeIssue(action.issue);
      return at(null, `closed #${action.issue}`);
  }
}

/**
 * The oldest open issue with the label that carries our marker (an issue someone else labelled is not the
 * streak's), and — when an action may follow — the keys its body and comments record.
 */
async function findStreakIssue(
  api: GitHubApi,
  label: string,
  readComments: boolean,
): Promise<{ issue: IssueInfo; streak: StreakIssue } | null> {
  const issues = await api.listOpenIssues(label);
  const issue = issues.find((i) => markedKeys([i.body]).size > 0);
  if (!issue) return null;
  const comments = readComments ? await api.listIssueComments(issue.number) : [];
  return { issue, streak: { number: issue.number, keys: markedKeys([issue.body, ...comments]) } };
}
