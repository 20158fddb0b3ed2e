// The stages of `mode: gate` (SPEC-v2 §3): what the gate guards (the base branch, the status context, the
// pull request of the event), then the one API request that reads the base branch's recent history with
// its statuses and that pull request's labels. Nothing here touches the workspace or runs anything.
import { GitHubApiError, type GateCommit, type StatusHistory } from '../../adapters/index.js';
import type { BranchName } from '../../domain/index.js';
import { info, next, stage, stop, warning, type Stage } from '../../pipeline/index.js';
import { describeApiError } from '../../report/index.js';
import type { InputError, InputName, RunnerContext } from '../../settings/index.js';
import type { ModeContext } from '../context.js';
import { inputName } from '../wording.js';
import type { GatePull } from './main-state.js';
import { queueCandidate } from './queue.js';

/** The inputs the gate reads; the others only matter to a smoke. */
export const GATE_INPUTS: readonly InputName[] = [
  'mode',
  'github-token',
  'base-branch',
  'status-context',
  'gate-bypass-label',
  'redact-patterns',
];

/** A bad value of an input the gate reads stops it (BLOCKED); one it never reads is only a warning. */
export function gateInputsStage(
  errors: readonly InputError[],
  describe: (e: InputError) => string,
): Stage<null> {
  return stage('check the inputs', async () => {
    const read = errors.filter((e) => GATE_INPUTS.includes(e.input));
    if (read.length > 0) return stop('BLOCKED', 'invalid_input', read.map(describe).join(' '));
    const unread = errors.map((e) => warning(`${describe(e)} (mode: gate does not use it)`));
    return next(null, { notes: unread });
  });
}

/** The first-parent commits of the base branch the gate reads (SPEC-v2 §3). */
export const GATE_HISTORY_LIMIT = 20;

/** The pull request as the event names it; its title and labels are read again with the history. */
interface EventPull {
  number: number;
  title: string | null;
  labels: string[] | null;
}

export interface GateSubject {
  base: BranchName;
  context: string;
  pull: EventPull | null;
}

export interface BaseBranchView {
  /** Newest first, in `git log` order. */
  commits: GateCommit[];
  pull: GatePull | null;
}

const field = (o: unknown, key: string): unknown =>
  o && typeof o === 'object' ? (o as Record<string, unknown>)[key] : undefined;

/**
 * The pull request a gate runs for: the event's own (`pull_request`, `pull_request_target`), or in a merge
 * queue the one the queue branch names (`pr-<n>`); null for any other event (only main's state counts).
 */
export function pullOfEvent(
  ctx: RunnerContext,
): { ok: true; pull: EventPull | null } | { ok: false; problem: string } {
  const queue = queueCandidate(ctx);
  if (queue && !queue.ok) return { ok: false, problem: `The merge_group event ${queue.problem}.` };
  if (queue) {
    const n = queue.value.prNumber;
    return { ok: true, pull: n === null ? null : { number: n, title: null, labels: null } };
  }
  const pr = field(ctx.event, 'pull_request');
  const number = field(pr, 'number');
  if (typeof number !== 'number') return { ok: true, pull: null };
  const title = field(pr, 'title');
  const labels = field(pr, 'labels');
  return {
    ok: true,
    pull: {
      number,
      title: typeof title === 'string' ? title : null,
      labels: Array.isArray(labels)
        ? labels.map((l) => field(l, 'name')).filter((n): n is string => typeof n === 'string')
        : null,
    },
  };
}

export function gateSubjectStage(c: ModeContext): Stage<GateSubject> {
  return stage('find what the gate guards', async () => {
    const base = c.settings.baseBranch;
    if (base === null) {
      const message = `${inputName(c.entry, 'base-branch')} is empty and the event names no base branch: the gate cannot tell which branch must be green.`;
      return stop('BLOCKED', 'invalid_input', message);
    }
    const context = c.settings.statusContext;
    if (context === null) {
      const message = `${inputName(c.entry, 'status-context')} is empty: the gate reads the state of '${base}' from the statuses of that context.`;
      return stop('BLOCKED', 'invalid_input', message);
    }
    const found = pullOfEvent(c.runner);
    if (!found.ok) return stop('BLOCKED', 'invalid_input', found.problem);
    const who = found.pull
      ? `PR #${found.pull.number}`
      : `a ${c.runner.eventName || 'local'} run (no pull request)`;
    return next(
      { base, context, pull: found.pull },
      { notes: [info(`Gate for ${who} into '${base}', from the '${context}' statuses.`)] },
    );
  });
}

/** The gate's whole cost: one GraphQL request (commits, their statuses and PRs, the PR's labels). */
export function readBaseBranchStage(c: ModeContext, s: GateSubject): Stage<BaseBranchView> {
  return stage(`read the state of '${s.base}'`, async () => {
    const api = c.api;
    if (!api) {
      const message = `The gate reads the statuses of '${s.base}' through the GitHub API, and there is none: ${inputName(c.entry, 'github-token')} is empty or the repository is unknown.`;
      return stop('BLOCKED', 'invalid_input', message);
    }
    let history: StatusHistory;
    try {
      const request = {
        branch: s.base,
        context: s.context,
        limit: GATE_HISTORY_LIMIT,
        pullNumber: s.pull?.number ?? null,
      };
      history = await api.getStatusHistory(request);
    } catch (e) {
      const message = `The GitHub API could not read the state of '${s.base}' of ${api.repository} (${describeApiError(e)})${accessHint(e)}.`;
      return stop('ERROR', 'api_failed', message);
    }
    if (history.commits === null) {
      return stop(
        'BLOCKED',
        'invalid_input',
        `${inputName(c.entry, 'base-branch')}: branch '${s.base}' does not exist in ${api.repository}.`,
      );
    }
    const read = info(
      `Read the newest ${history.commits.length} commits of '${s.base}' with their '${s.context}' statuses.`,
    );
    return next({ commits: history.commits, pull: gatePull(s.pull, history) }, { notes: [read] });
  });
}

/**
 * The permissions, only when the answer was a refusal (401, 403, or GitHub's 404 for what a token may not
 * see): a rate limit, a silent server or a malformed answer is no matter of permissions.
 */
function accessHint(e: unknown): string {
  const refused = e instanceof GitHubApiError && [401, 403, 404].includes(e.status ?? 0);
  return refused
    ? '; the gate needs a token with contents: read, statuses: read and pull-requests: read'
    : '';
}

/** The API's title and labels (current: a label added after the event counts on a re-run), else the event's. */
function gatePull(pull: EventPull | null, history: StatusHistory): GatePull | null {
  if (!pull) return null;
  return {
    number: pull.number,
    title: history.pull?.title ?? pull.title ?? '',
    labels: history.pull?.labels ?? pull.labels ?? [],
  };
}
