// The domain's values, each with its one rule and its one message. Everything that comes from outside (an
// input, a CLI flag, a registry key, a commit trailer, an API answer) is parsed here once; what comes back
// is a branded type, so code downstream can ask for a `TaskId` and never has to check it again.
//
// A parser returns `{ ok: false, problem }` where `problem` is a phrase that finishes a sentence naming the
// value and its origin: `Input 'task-id' is '../x': it ${problem}.`, `Task id '../x' from the PR title
// ${problem}.` The rule and the words for it live together, here, and nowhere else.
import { posix } from 'node:path';

declare const brand: unique symbol;
/** A string (or number) that has passed its parser. */
export type Brand<T, B extends string> = T & { readonly [brand]: B };

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

const ok = <T>(value: T): Parsed<T> => ({ ok: true, value });
const no = <T>(problem: string): Parsed<T> => ({ ok: false, problem });

/** `parse(text)` when it succeeds, else throws: for values the program itself builds (tests, constants). */
export function mustParse<T>(parse: (text: string) => Parsed<T>, text: string): T {
  const r = parse(text);
  if (!r.ok) throw new Error(`'${text}' ${r.problem}`);
  return r.value;
}

// --- commits

/** A full commit SHA: 40 hex digits, always lower case once parsed. */
export type Sha = Brand<string, 'Sha'>;

/** The form every parsed Sha has (the contracts validate against it). */
export const SHA_PATTERN = /^[0-9a-f]{40}$/;
const SHA_ANY_CASE = /^[0-9a-fA-F]{40}$/;

export function parseSha(text: string): Parsed<Sha> {
  return SHA_ANY_CASE.test(text) ? ok(text.toLowerCase() as Sha) : no('is not a full 40-hex commit SHA');
}

/** Whether `text` is already a parsed (lower-case) SHA. */
export function isSha(text: unknown): text is Sha {
  return typeof text === 'string' && SHA_PATTERN.test(text);
}

/** The short form people read: the first 7 hex digits. */
export function shortSha(sha: Sha): string {
  return sha.slice(0, 7);
}

// --- git names that reach git as arguments

/** A branch name without `refs/heads/`. */
export type BranchName = Brand<string, 'BranchName'>;
/** A git remote name (`origin`) or URL. */
export type RemoteName = Brand<string, 'RemoteName'>;

// eslint-disable-next-line no-control-regex -- control characters are exactly what a ref must not hold
const REF_FORBIDDEN = /[\s~^:?*[\\\x00-\x1f\x7f]/;
const REF_RULE = "is not a git ref name (no spaces, no leading '-', none of ~^:?*[\\ or '..')";

/** The rule every name we hand git as an argument obeys: it can never read as an option or a revision range. */
function refNameProblem(text: string): string | null {
  if (
    text === '' ||
    text.startsWith('-') ||
    REF_FORBIDDEN.test(text) ||
    text.includes('..') ||
    text.endsWith('.lock') ||
    text.endsWith('/') ||
    text.endsWith('.')
  ) {
    return REF_RULE;
  }
  return null;
}

export function parseBranchName(text: string): Parsed<BranchName> {
  const name = text.replace(/^refs\/heads\//, '');
  const problem = refNameProblem(name);
  return problem ? no(problem) : ok(name as BranchName);
}

/** A remote is a name, a path or a URL: it only must never read as an option or hold whitespace. */
export function parseRemoteName(text: string): Parsed<RemoteName> {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what an argument must not hold
  if (text === '' || text.startsWith('-') || /[\s\x00-\x1f\x7f]/.test(text)) {
    return no("is not a git remote (a name, path or URL without spaces and not starting with '-')");
  }
  return ok(text as RemoteName);
}

/** A ref as a user may name a commit (`main`, `origin/main`, `refs/tags/v1`), held to the same rule. */
export type RefName = Brand<string, 'RefName'>;

export function parseRefName(text: string): Parsed<RefName> {
  const problem = refNameProblem(text);
  return problem ? no(problem) : ok(text as RefName);
}

// --- metadata names

/** A task id (`task-2512`): also a path component of a task file, hence the strict characters. */
export type TaskId = Brand<string, 'TaskId'>;
const TASK_ID = /^[A-Za-z0-9._+-]+$/;

export function parseTaskId(text: string): Parsed<TaskId> {
  if (!TASK_ID.test(text)) return no("may only use letters, digits, '.', '_', '+' and '-'");
  if (text.startsWith('.')) return no("must not start with '.'");
  return ok(text as TaskId);
}

/**
 * The name of what runs without naming a profile (an explicit command, a task file's command): a fan-out's
 * shard, a result artifact's name and a fold call it this.
 */
export const DEFAULT_PROFILE = 'default';

/** A registry profile name (`api`, `web.full`). */
export type ProfileName = Brand<string, 'ProfileName'>;
const PROFILE_NAME = /^[A-Za-z0-9._-]+$/;

export function parseProfileName(text: string): Parsed<ProfileName> {
  return PROFILE_NAME.test(text)
    ? ok(text as ProfileName)
    : no("is not a profile name (letters, digits, '.', '_' and '-' only)");
}

/** A pull request number. */
export type PrNumber = Brand<number, 'PrNumber'>;
const MAX_PR_NUMBER = 999_999_999;

export function parsePrNumber(text: string | number): Parsed<PrNumber> {
  const n = typeof text === 'number' ? text : /^\d{1,9}$/.test(text) ? Number(text) : NaN;
  return Number.isSafeInteger(n) && n > 0 && n <= MAX_PR_NUMBER
    ? ok(n as PrNumber)
    : no('is not a pull request number');
}

/** `owner/name`. */
export type Repository = Brand<string, 'Repository'>;
const REPOSITORY = /^[A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+$/;

export function parseRepository(text: string): Parsed<Repository> {
  return REPOSITORY.test(text) && !text.split('/').some((part) => part === '.' || part === '..')
    ? ok(text as Repository)
    : no("is not a repository name of the form 'owner/name'");
}

// --- paths inside the repository

/** A file path inside the repository, in normal form (`a/b.yml`: no `./`, no `//`, no `..`). */
export type RepoPath = Brand<string, 'RepoPath'>;
/** A directory inside the repository, relative to its root (`.` is the root). */
export type RepoDir = Brand<string, 'RepoDir'>;

const INSIDE_RULE = "must be a path inside the repository (relative, without '..')";

/** Why `text` could name something outside the repository, or null. Both separators count. */
function outsideProblem(text: string): string | null {
  if (text.includes('\0')) return 'contains a NUL character';
  if (/^[\\/~]/.test(text) || /^[A-Za-z]:/.test(text)) return INSIDE_RULE;
  if (text.split(/[\\/]+/).includes('..')) return INSIDE_RULE;
  return null;
}

export function parseRepoPath(text: string): Parsed<RepoPath> {
  if (text === '') return no('is empty');
  const problem = outsideProblem(text);
  if (problem) return no(problem);
  // Git's tree paths use '/': a backslash would be part of a file name there, never a separator.
  if (text.includes('\\')) return no("must use '/' between folders");
  const normal = posix.normalize(text).replace(/^(\.\/)+/, '');
  if (normal === '.' || normal.endsWith('/')) return no('does not name a file');
  return ok(normal as RepoPath);
}

export function parseRepoDir(text: string): Parsed<RepoDir> {
  const trimmed = text.trim();
  if (trimmed === '') return no('is empty');
  const problem = outsideProblem(trimmed);
  return problem ? no(problem) : ok(trimmed as RepoDir);
}
