// A local run behaves like a local tool. A mistake on the command line or in the working tree (a flag's
// value, a profile typo, HEAD elsewhere, uncommitted changes) is refused with exit 2 and the flag's name —
// never escalated as a broken main. Only a verdict about the commit is published (result file, packet):
// the smoke ran, or the configuration itself BLOCKED, or the commit is STALE. A plan publishes nothing.
// Pure: what happened in, what to tell the user out.
import type { SmokeRun } from '../execute/index.js';
import type { RunFacts, ScriptEnd, Verdict } from '../pipeline/index.js';
import { ranVerdict, type RunEnd, type Command } from '../modes/index.js';
import { INPUTS, type Settings } from '../settings/index.js';
import type { Log } from '../sinks/index.js';

export type LocalOutcome =
  | { kind: 'plan'; command: Command; refusals: string[]; facts: RunFacts }
  /** Exit 2: nothing ran, nothing is written. */
  | { kind: 'refused'; message: string; hint: string | null }
  /** A verdict; published (result file, packet when due) only when it is about the commit. */
  | {
      kind: 'verdict';
      verdict: Verdict;
      smoke: SmokeRun | null;
      facts: RunFacts;
      publish: boolean;
      hint: string | null;
    };

export interface LocalContext {
  apply: boolean;
  settings: Settings;
}

/** Verdicts that say something about the commit itself, even before anything ran. */
const ABOUT_THE_COMMIT = new Set(['BLOCKED', 'STALE']);

export function judgeLocally(end: ScriptEnd<RunEnd>, ctx: LocalContext): LocalOutcome {
  const { facts } = end;
  if (end.kind === 'done') {
    const v = end.value;
    if (v.kind === 'planned') return { kind: 'plan', command: v.command, refusals: v.refusals, facts };
    return {
      kind: 'verdict',
      verdict: ranVerdict(v.smoke),
      smoke: v.smoke,
      facts,
      publish: true,
      hint: null,
    };
  }
  const verdict = localWording(end.verdict);
  const hint = localHint(verdict, facts, ctx);
  if (isLocalMistake(verdict, ctx.settings)) return { kind: 'refused', message: verdict.message, hint };
  const ran = facts.execution !== null;
  const publish = ctx.apply && (ran || ABOUT_THE_COMMIT.has(verdict.status));
  return { kind: 'verdict', verdict, smoke: null, facts, publish, hint };
}

/** A flag's value, a typo'd --profile, or the working tree: the user's to fix, not main's. */
function isLocalMistake(v: Verdict, s: Settings): boolean {
  if (v.status === 'BLOCKED' && v.reason === 'invalid_input') return true;
  // The profile input outranks every other selector: an unknown profile with --profile given is the flag's.
  if (v.status === 'BLOCKED' && v.reason === 'unknown_profile')
    return s.profile !== null && s.smokeCommand === null;
  return v.status === 'ERROR' && v.reason === 'workspace_mismatch';
}

const FLAGS = new Set(INPUTS.filter((row) => row.cli !== null).map((row) => row.name));

/**
 * The action's words for the terminal: "Input 'base-branch'" names the flag `--base-branch`, and what only
 * holds in a workflow (a newer run for the newer head) is left out.
 */
export function localWording(v: Verdict): Verdict {
  return { ...v, message: wordForTerminal(v.message) };
}

function wordForTerminal(text: string): string {
  return text
    .replace(/\b(?:the )?[Ii]nput '([a-z-]+)'/g, (whole, name: string) =>
      FLAGS.has(name) ? `--${name}` : whole,
    )
    .replace(/: (a newer run covers the newer head|the branch was reset to before this merge)\./, '.');
}

/** The log in the terminal's words: the notes of the stages name flags too. */
export function localLog(log: Log): Log {
  const w = (text: string) => wordForTerminal(text);
  return {
    info: (text) => log.info(w(text)),
    notice: (text, props) => log.notice(w(text), props),
    warning: (text, props) => log.warning(w(text), props),
    error: (text, props) => log.error(w(text), props),
    debug: (text) => log.debug(text),
    group: (title, work) => log.group(title, work),
  };
}

/** What to do next, for the verdicts where a local user has a next step. */
export function localHint(v: Verdict, facts: RunFacts, ctx: LocalContext): string | null {
  if (v.status === 'STALE') return staleHint(v, facts, ctx);
  if (v.status === 'BLOCKED' && v.reason === 'no_command') {
    return (
      'Nothing defines a smoke for this commit: add a registry default or a task file smoke_command ' +
      '(post-merge-smoke validate checks them), or pass --smoke-command or --profile; --dry-run makes this SKIPPED.'
    );
  }
  if (v.status === 'BLOCKED' && v.reason === 'invalid_config') {
    return 'post-merge-smoke validate lists every problem of the configuration with its file and line.';
  }
  if (v.status === 'ERROR' && v.reason === 'git_failed' && /shallow clone/.test(v.message)) {
    return "A plan does not complete a shallow clone's history; --apply does (git fetch --unshallow), and tells.";
  }
  if (v.status === 'BLOCKED' && v.reason === 'invalid_input' && /--base-branch/.test(v.message)) {
    return `See the remote's branches with git ls-remote --heads ${ctx.settings.remote}, and pass one with --base-branch.`;
  }
  return null;
}

/** Locally nothing else will test the commit: say how to test it anyway, or what to test instead. */
function staleHint(v: Verdict, facts: RunFacts, ctx: LocalContext): string {
  const sha = facts.mergeCommit?.slice(0, 12) ?? 'the commit';
  const branch = `${ctx.settings.remote}/${facts.baseBranch ?? 'main'}`;
  const anyway = `pass --on-stale run to test ${sha} anyway (the result records stale: true)`;
  if (v.reason === 'rewound') return `${sha} is ahead of ${branch} (not pushed yet?): push it, or ${anyway}.`;
  const head = `test the branch's head with --merge-commit ${branch}, or ${anyway}`;
  return `Nothing else tests ${sha} here: ${head}.`;
}
