// The sources of a smoke command, in precedence order: the first that answers `hit` or `block` decides.
// resolve-command.ts states the rules; this list is them. `needs` names a selector the step cannot do
// without: when that selector is unusable, the step BLOCKs invalid_input instead of answering.
import type { CommandSource } from '../contracts.js';
import type { ProfileName } from '../domain/index.js';
import { ConfigError } from './config-error.js';
import { parsePrBodyCommand, prBodyBlocks } from './pr-body-command.js';
import { knownProfiles, type Registry } from './registry.js';
import { ResolveInfraError } from './resolve-error.js';
import {
  block,
  invalidConfig,
  miss,
  readTree,
  type Answer,
  type Block,
  type Resolution,
} from './resolution.js';
import { NO_OPTIONS } from './run-options.js';
import { parseTaskFile } from './task-file.js';
import { buildTaskPath } from './task-path.js';
import { judgeBodyEdits, judgePrBodyTrust } from './trust.js';

type Need = 'profile selector' | 'task id';

export interface Source {
  name: string;
  needs?: Need;
  answer(r: Resolution): Answer | Promise<Answer>;
}

export const SOURCES: readonly Source[] = [
  { name: "the 'smoke-command' input", answer: smokeCommandInput },
  { name: 'a profile selector', needs: 'profile selector', answer: profileSelector },
  { name: 'the task file', needs: 'task id', answer: taskFile },
  { name: "the registry's tasks: entry", needs: 'task id', answer: tasksEntry },
  { name: 'a PR-body command', answer: prBodyCommand },
  { name: "the registry's default", answer: registryDefault },
];

/** A need's check: BLOCKED when the selector is unusable and something needs it, else null. */
export const NEEDS: Record<Need, (r: Resolution) => Block | null> = {
  'profile selector': (r) =>
    r.selectors.profileProblem === null ? null : block('invalid_input', r.selectors.profileProblem),
  'task id': (r) => {
    const problem = r.selectors.taskIdProblem;
    if (problem === null) return null;
    const consumed = (r.input.taskPath !== null && !r.input.taskFileOverride) || r.registry.tasks.size > 0;
    if (consumed) return block('invalid_input', problem);
    r.ctx.notes.push(`${problem} Ignored: no task file or tasks: mapping uses the task id.`);
    return null;
  },
};

function smokeCommandInput(r: Resolution): Answer {
  const command = r.input.smokeCommand;
  if (command === null) return miss();
  return {
    kind: 'hit',
    command,
    source: 'input',
    options: NO_OPTIONS,
    note: "command from the input 'smoke-command'",
  };
}

/** A PR-body line obeys the PR-body trust rule: an edit after the merge could swap in a cheaper profile. */
async function profileSelector(r: Resolution): Promise<Answer> {
  const selected = r.selectors.profile;
  if (selected === null) return miss();
  if (r.selectors.profileFromPrBody && r.input.pr !== null) {
    const verdict = judgeBodyEdits(r.input.pr.number, await loadEditTimes(r), 'Smoke-Profile line');
    if (!verdict.trusted) {
      const way = "Choose the profile with the 'profile' input, a Smoke-Profile trailer or the registry.";
      return block('untrusted_source', `${verdict.message} ${way}`);
    }
    r.ctx.notes.push(verdict.note);
  }
  return fromProfile(r, selected.value, 'registry', `selected by ${selected.source}`);
}

/** The CLI's --task-file stands in for the task file of the tree. */
async function taskFile(r: Resolution): Promise<Answer> {
  const found = await findTaskFile(r);
  if ('kind' in found) return found;
  const { path, text } = found;
  if (text === null) return miss(`task file ${path} is not in the merge commit`);
  let spec;
  try {
    spec = parseTaskFile(text, path);
  } catch (e) {
    if (e instanceof ConfigError) return invalidConfig('task file', e);
    throw e;
  }
  if (spec === null)
    return miss(`task file ${path} defines no smoke_command, smoke_profile or post_merge_smoke`);
  if (spec.kind === 'profile') {
    return fromProfile(r, spec.profile, 'task-file', `named by smoke_profile in ${path} line ${spec.line}`);
  }
  const note = `command from ${spec.key} in ${path} line ${spec.line}`;
  return { kind: 'hit', command: spec.command, source: 'task-file', options: spec.options, note };
}

async function findTaskFile(r: Resolution): Promise<{ path: string; text: string | null } | Answer> {
  const override = r.input.taskFileOverride;
  if (override) return { path: override.path, text: override.content };
  const taskId = r.selectors.taskId?.value ?? null;
  if (r.input.taskPath === null) return miss("task files are off (no 'task-path' input)");
  if (taskId === null) return miss('no task id, so no task file');
  const built = buildTaskPath(r.input.taskPath, taskId);
  if (!built.ok) return block('invalid_input', built.message);
  try {
    return { path: built.path, text: await readTree(r, built.path) };
  } catch (e) {
    if (e instanceof ConfigError) return invalidConfig('task file', e);
    throw e;
  }
}

function tasksEntry(r: Resolution): Answer {
  const taskId = r.selectors.taskId?.value ?? null;
  if (taskId === null) return miss();
  const { registry } = r;
  const mapping = registry.tasks.get(taskId);
  if (mapping?.kind === 'profile') {
    return fromProfile(
      r,
      mapping.profile,
      'registry',
      `mapped from task ${taskId} by ${registry.file} line ${mapping.line}`,
    );
  }
  if (mapping?.kind === 'command') {
    const note = `command from the tasks entry for ${taskId} (${registry.file} line ${mapping.line})`;
    return { kind: 'hit', command: mapping.command, source: 'registry', options: mapping.options, note };
  }
  return miss(registry.present ? `${registry.file} has no tasks entry for ${taskId}` : null);
}

/** Under the trust rules (trust.ts): allowed by the workflow, merged, not edited after the merge. */
async function prBodyCommand(r: Resolution): Promise<Answer> {
  const pr = r.input.pr;
  if (pr === null) return miss('no PR details, so no PR-body command');
  if (prBodyBlocks(pr.body).length === 0)
    return miss(`no post-merge-smoke block in the PR #${pr.number} body`);
  const times = r.input.prBodyCommand ? await loadEditTimes(r) : null;
  const verdict = judgePrBodyTrust(r.input.prBodyCommand, pr.number, times);
  if (!verdict.trusted) return block('untrusted_source', verdict.message);
  const label = `PR #${pr.number} body`;
  try {
    const body = parsePrBodyCommand(pr.body, label)!;
    const note = `command from the post-merge-smoke block in the ${label} (line ${body.line}); ${verdict.note}`;
    return { kind: 'hit', command: body.command, source: 'pr-body', options: body.options, note };
  } catch (e) {
    if (e instanceof ConfigError) return invalidConfig('post-merge-smoke block in the', e);
    throw e;
  }
}

/** The PR's edit and merge times from the API; failing to get them is ERROR api_failed, not a verdict. */
async function loadEditTimes(r: Resolution) {
  const pr = r.input.pr!;
  try {
    const loaded = await r.input.loadPrEditTimes();
    return { lastEditedAt: loaded.lastEditedAt, mergedAt: loaded.mergedAt ?? pr.mergedAt };
  } catch (e) {
    throw new ResolveInfraError(
      'api_failed',
      `Cannot tell whether PR #${pr.number}'s body was edited after the merge: ${(e as Error).message}`,
      r.ctx,
      e,
    );
  }
}

function registryDefault(r: Resolution): Answer {
  const { registry } = r;
  if (registry.defaultProfile !== null) {
    const { profile, line } = registry.defaultProfile;
    return fromProfile(r, profile, 'registry', `the registry default at ${registry.file} line ${line}`);
  }
  return miss(registry.present ? `${registry.file} has no default profile` : `no registry ${registry.file}`);
}

/** A named profile: its command, or BLOCKED unknown_profile (never a fall-through to a lower step). */
function fromProfile(r: Resolution, name: ProfileName, source: CommandSource, via: string): Answer {
  const profile = r.registry.profiles.get(name);
  if (!profile)
    return { ...block('unknown_profile', unknownProfileMessage(name, via, r.registry)), profile: name };
  const note = `command from profile ${name} (${r.registry.file} line ${profile.line}), ${via}`;
  return { kind: 'hit', command: profile.command, source, options: profile.options, note, profile: name };
}

function unknownProfileMessage(name: string, via: string, registry: Registry): string {
  const known = knownProfiles(registry);
  const where = registry.present
    ? `is not defined in ${registry.file}; known profiles: ${known.length > 0 ? known.join(', ') : '(none)'}`
    : `cannot be found: the registry ${registry.file} is not in the merge commit, so no profiles are defined`;
  return `Profile '${name}' (${via}) ${where}.`;
}
