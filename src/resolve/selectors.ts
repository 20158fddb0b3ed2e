// Selectors: which task and which registry profile a merge belongs to (SPEC §6).
//
// Task id, first hit wins: input `task-id` → `Task-Id:` trailer → `task-id-pattern` found in the commit
// message → the PR title → the PR head branch → the PR body.
// Profile, first hit wins: input `profile` → `Smoke-Profile:` trailer → a `Smoke-Profile: x` line in the
// PR body.
//
// An explicit selector that is unusable (a trailer value that does not fully match the pattern, two
// different `Task-Id:` trailers, an id with characters a path must not see) is not skipped: it is
// reported as a problem, and the resolver BLOCKs `invalid_input` when it gets to a step that needs that
// selector. After those places, the CLI's --task-file name (stem, e.g. task-2512.md) may give the task id.
// A pattern match in free text must be a whole word (not preceded or followed by a letter, digit
// or '_': "subtask-12" does not yield "task-12") and must fully match the pattern.
// The inputs come parsed from settings (typed) and are taken as they are.
import {
  parseProfileName,
  parseTaskId,
  type Pattern,
  type ProfileName,
  type TaskId,
} from '../domain/index.js';
import { parseTrailers, trailerValues, type Trailer } from './trailers.js';
import type { ResolveInput } from './types.js';

export interface Selected<T extends string = string> {
  value: T;
  /** Where it came from, for notes: "the Task-Id trailer", "the PR title", … */
  source: string;
}

export interface SelectorResult {
  taskId: Selected<TaskId> | null;
  /** Why the task id selector is unusable (BLOCKED invalid_input when the task id is needed). */
  taskIdProblem: string | null;
  profile: Selected<ProfileName> | null;
  /** Why the profile selector is unusable (BLOCKED invalid_input when the profile step is reached). */
  profileProblem: string | null;
  /** The profile is a PR-body line: trusted only if the body was not edited after the merge (trust.ts). */
  profileFromPrBody: boolean;
  notes: string[];
}

export type SelectorInput = Pick<
  ResolveInput,
  'taskId' | 'profile' | 'taskIdPattern' | 'commitMessage' | 'pr'
> & {
  /** The CLI's --task-file path: its file name is the last place a task id is looked for. */
  taskFileOverride?: { path: string } | null;
};

/** A selector's answer: found, unusable, or nothing there. */
type Found<T extends string> = { selected: Selected<T>; fromPrBody?: boolean } | { problem: string } | null;

const WORD_CHAR = /[A-Za-z0-9_]/;

export function findSelectors(input: SelectorInput): SelectorResult {
  const trailers = parseTrailers(input.commitMessage);
  const prName = input.pr ? `PR #${input.pr.number}` : 'the PR';
  const task = findTaskId(input, trailers, prName);
  const profile = findProfile(input, trailers, prName);
  const notes: string[] = [];
  if (task && 'selected' in task) notes.push(`task id ${task.selected.value} from ${task.selected.source}`);
  if (task === null) notes.push(noTaskIdNote(input, prName));
  if (profile && 'selected' in profile) {
    notes.push(`profile ${profile.selected.value} from ${profile.selected.source}`);
  }
  return {
    taskId: task && 'selected' in task ? task.selected : null,
    taskIdProblem: task && 'problem' in task ? task.problem : null,
    profile: profile && 'selected' in profile ? profile.selected : null,
    profileProblem: profile && 'problem' in profile ? profile.problem : null,
    profileFromPrBody: profile !== null && 'selected' in profile && profile.fromPrBody === true,
    notes,
  };
}

/** Says it is the task id that was not found (the same message may well name the PR). */
function noTaskIdNote(input: SelectorInput, prName: string): string {
  const places = input.pr
    ? `the commit message, the ${prName} title, head branch or body`
    : 'the commit message (no PR details to look in)';
  return `no task id: no Task-Id trailer, and no match of task-id-pattern '${input.taskIdPattern.source}' in ${places}`;
}

function findTaskId(input: SelectorInput, trailers: readonly Trailer[], prName: string): Found<TaskId> {
  if (input.taskId !== null) return { selected: { value: input.taskId, source: "the input 'task-id'" } };
  const fromTrailers = trailerValues(trailers, 'Task-Id');
  if (fromTrailers.length > 1) {
    return { problem: `The commit message has conflicting Task-Id trailers: ${fromTrailers.join(', ')}.` };
  }
  if (fromTrailers.length === 1)
    return checkTaskId(fromTrailers[0]!, 'the Task-Id trailer', input.taskIdPattern);
  const places: Array<[string | null | undefined, string]> = [
    [input.commitMessage, 'the commit message'],
    [input.pr?.title, `the ${prName} title`],
    [input.pr?.headRef, `the ${prName} head branch`],
    [input.pr?.body, `the ${prName} body`],
  ];
  for (const [text, source] of places) {
    const found = text ? findTaskIdInText(text, input.taskIdPattern) : null;
    if (found !== null) return checkTaskId(found, source, input.taskIdPattern);
  }
  return taskIdFromFileName(input);
}

/** A task id found in metadata: a valid task id that fully matches the pattern, or the problem. */
function checkTaskId(value: string, source: string, pattern: Pattern): Found<TaskId> {
  const id = parseTaskId(value);
  if (!id.ok) return { problem: `Task id '${value}' from ${source} ${id.problem}.` };
  if (!pattern.fullMatch(value)) {
    return {
      problem: `Task id '${value}' from ${source} does not match task-id-pattern '${pattern.source}'.`,
    };
  }
  return { selected: { value: id.value, source } };
}

/** The CLI's --task-file name, when its stem is a task id (the last resort, so never a problem). */
function taskIdFromFileName(input: SelectorInput): Found<TaskId> {
  const path = input.taskFileOverride?.path;
  if (!path) return null;
  const name = path.split(/[\\/]/).pop() ?? '';
  const stem = name.replace(/\.[^.]*$/, '');
  const id = parseTaskId(stem);
  if (!id.ok || !input.taskIdPattern.fullMatch(stem)) return null;
  return { selected: { value: id.value, source: `the task file name ${name}` } };
}

function findProfile(input: SelectorInput, trailers: readonly Trailer[], prName: string): Found<ProfileName> {
  if (input.profile !== null) return { selected: { value: input.profile, source: "the input 'profile'" } };
  const fromTrailers = trailerValues(trailers, 'Smoke-Profile');
  if (fromTrailers.length > 1) {
    return {
      problem: `The commit message has conflicting Smoke-Profile trailers: ${fromTrailers.join(', ')}.`,
    };
  }
  if (fromTrailers.length === 1) return checkProfile(fromTrailers[0]!, 'the Smoke-Profile trailer');
  const fromBody = prBodyProfiles(input.pr?.body ?? null);
  if (fromBody.length > 1) {
    return { problem: `The ${prName} body has conflicting Smoke-Profile lines: ${fromBody.join(', ')}.` };
  }
  if (fromBody.length === 1) {
    const found = checkProfile(fromBody[0]!, `a Smoke-Profile line in the ${prName} body`);
    return found && 'selected' in found ? { ...found, fromPrBody: true } : found;
  }
  return null;
}

function checkProfile(value: string, source: string): Found<ProfileName> {
  const name = parseProfileName(value);
  return name.ok
    ? { selected: { value: name.value, source } }
    : { problem: `Profile '${value}' from ${source} ${name.problem}.` };
}

/** The first whole-word match of `pattern` in `text` that fully matches it, or null. */
export function findTaskIdInText(text: string, pattern: Pattern): string | null {
  for (const m of pattern.matches(text)) {
    const before = m.index > 0 ? text[m.index - 1]! : '';
    const after = text[m.index + m.text.length] ?? '';
    if (WORD_CHAR.test(before) || WORD_CHAR.test(after)) continue;
    if (pattern.fullMatch(m.text)) return m.text;
  }
  return null;
}

/** Distinct `Smoke-Profile: x` values on their own lines of a PR body. */
export function prBodyProfiles(body: string | null): string[] {
  if (!body) return [];
  const values = [...body.matchAll(/^[ \t]*Smoke-Profile[ \t]*:[ \t]*(.*?)[ \t]*\r?$/gim)].map((m) => m[1]!);
  return [...new Set(values.filter((v) => v !== ''))];
}
