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
import type { PullRequestInfo } from '../adapters/github.js';
import type { Pattern } from '../domain/index.js';
import { PROFILE_NAME } from './registry.js';
import { taskIdProblem } from './task-path.js';

export interface Trailer {
  /** As written (compare case-insensitively). */
  key: string;
  value: string;
  /** 1-based line in the commit message. */
  line: number;
}

export interface Selected {
  value: string;
  /** Where it came from, for notes: "the Task-Id trailer", "the PR title", … */
  source: string;
}

export interface SelectorResult {
  taskId: Selected | null;
  /** Why the task id selector is unusable (BLOCKED invalid_input when the task id is needed). */
  taskIdProblem: string | null;
  profile: Selected | null;
  /** Why the profile selector is unusable (BLOCKED invalid_input when the profile step is reached). */
  profileProblem: string | null;
  notes: string[];
}

export interface SelectorInput {
  taskId: string | null;
  profile: string | null;
  taskIdPattern: Pattern;
  commitMessage: string;
  pr: PullRequestInfo | null;
  /** The CLI's --task-file path: its file name is the last place a task id is looked for. */
  taskFileOverride?: { path: string } | null;
}

const TRAILER_LINE = /^([A-Za-z0-9][A-Za-z0-9-]*)[ \t]*:[ \t]*(.*)$/;
const WORD_CHAR = /[A-Za-z0-9_]/;

/**
 * Git trailers: the last paragraph of the message, when it is not the subject paragraph and every line in
 * it is `Key: value` (a line starting with whitespace continues the previous value; git's
 * "(cherry picked from commit …)" line is skipped). Otherwise none.
 */
export function parseTrailers(message: string): Trailer[] {
  const lines = message.split('\n').map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
  let end = lines.length;
  while (end > 0 && lines[end - 1]!.trim() === '') end--;
  let start = end;
  while (start > 0 && lines[start - 1]!.trim() !== '') start--;
  const firstText = lines.findIndex((l) => l.trim() !== '');
  if (end === 0 || start <= firstText) return []; // no body paragraph after the subject
  const trailers: Trailer[] = [];
  for (let i = start; i < end; i++) {
    const line = lines[i]!;
    if (/^[ \t]/.test(line) && trailers.length > 0) {
      trailers[trailers.length - 1]!.value += ` ${line.trim()}`;
      continue;
    }
    if (line.startsWith('(cherry picked from commit')) continue;
    const m = TRAILER_LINE.exec(line);
    if (!m) return [];
    trailers.push({ key: m[1]!, value: m[2]!.trim(), line: i + 1 });
  }
  return trailers;
}

/** Distinct values of the trailers named `key` (case-insensitive), in order. */
export function trailerValues(trailers: readonly Trailer[], key: string): string[] {
  const wanted = key.toLowerCase();
  return [...new Set(trailers.filter((t) => t.key.toLowerCase() === wanted).map((t) => t.value))];
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

export function findSelectors(input: SelectorInput): SelectorResult {
  const notes: string[] = [];
  const trailers = parseTrailers(input.commitMessage);
  const prName = input.pr ? `PR #${input.pr.number}` : 'the PR';

  // --- task id
  let taskId: Selected | null = null;
  let taskIdProblemText: string | null = null;
  const checkTaskId = (value: string, source: string): void => {
    const charProblem = taskIdProblem(value);
    if (charProblem) {
      taskIdProblemText = `Task id '${value}' from ${source} ${charProblem}.`;
    } else if (!input.taskIdPattern.fullMatch(value)) {
      taskIdProblemText = `Task id '${value}' from ${source} does not match task-id-pattern '${input.taskIdPattern.source}'.`;
    } else {
      taskId = { value, source };
      notes.push(`task id ${value} from ${source}`);
    }
  };
  const taskTrailers = trailerValues(trailers, 'Task-Id');
  if (input.taskId !== null) {
    checkTaskId(input.taskId, "the input 'task-id'");
  } else if (taskTrailers.length > 1) {
    taskIdProblemText = `The commit message has conflicting Task-Id trailers: ${taskTrailers.join(', ')}.`;
  } else if (taskTrailers.length === 1) {
    checkTaskId(taskTrailers[0]!, 'the Task-Id trailer');
  } else {
    const places: Array<[string | null | undefined, string]> = [
      [input.commitMessage, 'the commit message'],
      [input.pr?.title, `the ${prName} title`],
      [input.pr?.headRef, `the ${prName} head branch`],
      [input.pr?.body, `the ${prName} body`],
    ];
    for (const [text, source] of places) {
      const found = text ? findTaskIdInText(text, input.taskIdPattern) : null;
      if (found !== null) {
        checkTaskId(found, source);
        break;
      }
    }
    const overridePath = input.taskFileOverride?.path;
    if (taskId === null && taskIdProblemText === null && overridePath) {
      const name = overridePath.split(/[\\/]/).pop() ?? '';
      const stem = name.replace(/\.[^.]*$/, '');
      if (taskIdProblem(stem) === null && input.taskIdPattern.fullMatch(stem)) {
        checkTaskId(stem, `the task file name ${name}`);
      }
    }
    if (taskId === null && taskIdProblemText === null) {
      notes.push(
        `no task id: task-id-pattern '${input.taskIdPattern.source}' found nothing in the commit message${input.pr ? `, ${prName} title, head branch or body` : ' (no PR found)'}`,
      );
    }
  }

  // --- profile
  let profile: Selected | null = null;
  let profileProblem: string | null = null;
  const checkProfile = (value: string, source: string): void => {
    if (!PROFILE_NAME.test(value)) {
      profileProblem = `Profile '${value}' from ${source} is not a profile name (letters, digits, '.', '_', '-').`;
    } else {
      profile = { value, source };
      notes.push(`profile ${value} from ${source}`);
    }
  };
  const profileTrailers = trailerValues(trailers, 'Smoke-Profile');
  const bodyProfiles = prBodyProfiles(input.pr?.body ?? null);
  if (input.profile !== null) {
    checkProfile(input.profile, "the input 'profile'");
  } else if (profileTrailers.length > 1) {
    profileProblem = `The commit message has conflicting Smoke-Profile trailers: ${profileTrailers.join(', ')}.`;
  } else if (profileTrailers.length === 1) {
    checkProfile(profileTrailers[0]!, 'the Smoke-Profile trailer');
  } else if (bodyProfiles.length > 1) {
    profileProblem = `The ${prName} body has conflicting Smoke-Profile lines: ${bodyProfiles.join(', ')}.`;
  } else if (bodyProfiles.length === 1) {
    checkProfile(bodyProfiles[0]!, `a Smoke-Profile line in the ${prName} body`);
  }

  return { taskId, taskIdProblem: taskIdProblemText, profile, profileProblem, notes };
}
