// Command resolution (SPEC §6): which command runs for this merge, from trusted places only.
//
// Precedence, first hit wins:
//   1. the `smoke-command` input                                           source "input"
//   2. a profile selector (input `profile`, `Smoke-Profile:` trailer, PR-body `Smoke-Profile:` line)
//                                                                           source "registry"
//   3. the task file (`task-path` with the task id): smoke_command, post_merge_smoke.command, or
//      smoke_profile → a registry profile                                  source "task-file"
//   4. the registry's `tasks:` entry for the task id (profile or inline)   source "registry"
//   5. a ```post-merge-smoke block in the PR body, under the trust rules    source "pr-body"
//   6. the registry's `default:` profile                                    source "registry"
//   7. none → the §2 policy decides (policy.ts)
//
// Rules around it:
//   - a named profile that does not exist (selector, smoke_profile, tasks: entry, default:) is BLOCKED
//     `unknown_profile` — never a fall-through to a lower step;
//   - the registry is always read (its `defaults` apply to every command, the input's included) and must be
//     valid; a registry file that does not exist is an empty registry;
//   - malformed registry / task file / PR-body block → BLOCKED `invalid_config` with file and line;
//   - an unusable explicit selector (bad `Task-Id:` trailer, conflicting trailers) → BLOCKED `invalid_input`
//     once a step needs it: the profile selector from step 2 on; the task id from step 3 on, and only when
//     something consumes it (task-path is set or the registry has `tasks:` entries);
//   - a PR-body block while `pr-body-command` is false, or edited after the merge, or from an unmerged PR →
//     BLOCKED `untrusted_source` (the block is there, it just may not run);
//   - git failing to read the tree, or the API failing to give the PR's edit times → rejects with
//     ResolveInfraError (ERROR git_failed / api_failed), carrying the selectors found.
import type { CommandSource } from '../contracts.js';
import { ConfigError } from './config-error.js';
import { prBodyBlocks, parsePrBodyCommand } from './pr-body-command.js';
import { emptyRegistry, knownProfiles, parseRegistry, type Registry } from './registry.js';
import { ResolveInfraError } from './resolve-error.js';
import { mergeOptions, NO_OPTIONS } from './run-options.js';
import { findSelectors } from './selectors.js';
import { parseTaskFile } from './task-file.js';
import { buildTaskPath, normaliseRepoPath } from './task-path.js';
import { judgePrBodyTrust } from './trust.js';
import {
  TreeReadError,
  type CommandOptions,
  type ResolveContext,
  type ResolveInput,
  type ResolveOutcome,
  type TreeReader,
} from './types.js';

type BlockReason = Extract<ResolveOutcome, { kind: 'blocked' }>['reason'];

export async function resolveCommand(input: ResolveInput): Promise<ResolveOutcome> {
  const selectors = findSelectors(input);
  const ctx: ResolveContext = {
    taskId: selectors.taskId?.value ?? null,
    profile: selectors.profile?.value ?? null,
    notes: [...selectors.notes],
  };
  const misses: string[] = [];
  const miss = (why: string) => {
    misses.push(why);
    ctx.notes.push(why);
  };
  const blocked = (reason: BlockReason, message: string): ResolveOutcome => ({
    kind: 'blocked',
    reason,
    message,
    ...ctx,
  });
  const invalid = (what: string, e: ConfigError): ResolveOutcome =>
    blocked('invalid_config', `Invalid ${what} ${e.message}`);

  // --- the registry: always read, its defaults apply to every command
  const registryPath = normaliseRepoPath(input.registryPath.trim());
  if (registryPath === null) {
    return blocked(
      'invalid_input',
      `Input 'registry-path' is '${input.registryPath}'; expected a file path inside the repository.`,
    );
  }
  let registry: Registry;
  try {
    const text = await readTree(input.tree, registryPath, ctx);
    if (text === null) {
      registry = emptyRegistry(registryPath);
      ctx.notes.push(`registry ${registryPath} is not in the merge commit: no profiles`);
    } else {
      registry = parseRegistry(text, registryPath);
      ctx.notes.push(
        `registry ${registryPath}: ${registry.profiles.size} profile(s), ${registry.tasks.size} task mapping(s)${registry.defaultProfile ? `, default ${registry.defaultProfile.profile}` : ''}`,
      );
    }
  } catch (e) {
    if (e instanceof ConfigError) return invalid('registry', e);
    throw e;
  }

  const found = (
    command: string,
    source: CommandSource,
    options: CommandOptions,
    note: string,
  ): ResolveOutcome => {
    ctx.notes.push(note);
    return {
      kind: 'command',
      command,
      source,
      options: mergeOptions(options, registry.defaults),
      ...ctx,
    };
  };
  /** A named profile: its command, or BLOCKED unknown_profile. */
  const fromProfile = (name: string, source: CommandSource, via: string): ResolveOutcome => {
    ctx.profile = name;
    const profile = registry.profiles.get(name);
    if (!profile) return blocked('unknown_profile', unknownProfileMessage(name, via, registry));
    return found(
      profile.command,
      source,
      profile.options,
      `command from profile ${name} (${registryPath} line ${profile.line}), ${via}`,
    );
  };

  // 1. the smoke-command input
  if (input.smokeCommand !== null) {
    return found(input.smokeCommand, 'input', NO_OPTIONS, "command from the input 'smoke-command'");
  }

  // 2. a profile selector
  if (selectors.profileProblem !== null) return blocked('invalid_input', selectors.profileProblem);
  if (selectors.profile !== null) {
    return fromProfile(selectors.profile.value, 'registry', `selected by ${selectors.profile.source}`);
  }

  // 3. and 4. need the task id
  const override = input.taskFileOverride ?? null;
  const taskIdNeeded = (input.taskPath !== null && override === null) || registry.tasks.size > 0;
  if (selectors.taskIdProblem !== null && taskIdNeeded) {
    return blocked('invalid_input', selectors.taskIdProblem);
  }
  if (selectors.taskIdProblem !== null) {
    ctx.notes.push(`${selectors.taskIdProblem} Ignored: no task file or tasks: mapping uses the task id.`);
  }
  const taskId = selectors.taskId?.value ?? null;

  // 3. the task file (the CLI's --task-file stands in for the one in the tree)
  let taskFile: { path: string; text: string | null } | null = null;
  if (override !== null) {
    taskFile = { path: override.path, text: override.content };
  } else if (input.taskPath === null) {
    miss("task files are off (no 'task-path' input)");
  } else if (taskId === null) {
    miss('no task id, so no task file');
  } else {
    const built = buildTaskPath(input.taskPath, taskId);
    if (!built.ok) return blocked('invalid_input', built.message);
    try {
      taskFile = { path: built.path, text: await readTree(input.tree, built.path, ctx) };
    } catch (e) {
      if (e instanceof ConfigError) return invalid('task file', e);
      throw e;
    }
  }
  if (taskFile !== null) {
    const { path, text } = taskFile;
    let spec;
    try {
      spec = text === null ? null : parseTaskFile(text, path);
    } catch (e) {
      if (e instanceof ConfigError) return invalid('task file', e);
      throw e;
    }
    if (text === null) {
      miss(`task file ${path} is not in the merge commit`);
    } else if (spec === null) {
      miss(`task file ${path} defines no smoke_command, smoke_profile or post_merge_smoke`);
    } else if (spec.kind === 'profile') {
      return fromProfile(spec.profile, 'task-file', `named by smoke_profile in ${path} line ${spec.line}`);
    } else {
      return found(
        spec.command,
        'task-file',
        spec.options,
        `command from ${spec.key} in ${path} line ${spec.line}`,
      );
    }
  }

  // 4. the registry's tasks: entry
  if (taskId !== null) {
    const mapping = registry.tasks.get(taskId);
    if (mapping?.kind === 'profile') {
      return fromProfile(
        mapping.profile,
        'registry',
        `mapped from task ${taskId} by ${registryPath} line ${mapping.line}`,
      );
    }
    if (mapping?.kind === 'command') {
      return found(
        mapping.command,
        'registry',
        mapping.options,
        `command from the tasks entry for ${taskId} (${registryPath} line ${mapping.line})`,
      );
    }
    if (registry.present) miss(`${registryPath} has no tasks entry for ${taskId}`);
  }

  // 5. a PR-body command, under the trust rules
  const pr = input.pr;
  if (pr !== null && prBodyBlocks(pr.body).length > 0) {
    const label = `PR #${pr.number} body`;
    let times = null;
    if (input.prBodyCommand) {
      try {
        const loaded = await input.loadPrEditTimes();
        times = { lastEditedAt: loaded.lastEditedAt, mergedAt: loaded.mergedAt ?? pr.mergedAt };
      } catch (e) {
        throw new ResolveInfraError(
          'api_failed',
          `Cannot tell whether PR #${pr.number}'s body was edited after the merge: ${(e as Error).message}`,
          ctx,
          e,
        );
      }
    }
    const verdict = judgePrBodyTrust(input.prBodyCommand, pr.number, times);
    if (!verdict.trusted) return blocked('untrusted_source', verdict.message);
    try {
      const body = parsePrBodyCommand(pr.body, label);
      if (body !== null) {
        return found(
          body.command,
          'pr-body',
          body.options,
          `command from the post-merge-smoke block in the ${label} (line ${body.line}); ${verdict.note}`,
        );
      }
    } catch (e) {
      if (e instanceof ConfigError) return invalid('post-merge-smoke block in the', e);
      throw e;
    }
  } else {
    miss(
      pr === null
        ? 'no PR found, so no PR-body command'
        : `no post-merge-smoke block in the PR #${pr.number} body`,
    );
  }

  // 6. the registry default
  if (registry.defaultProfile !== null) {
    return fromProfile(
      registry.defaultProfile.profile,
      'registry',
      `the registry default at ${registryPath} line ${registry.defaultProfile.line}`,
    );
  }
  miss(registry.present ? `${registryPath} has no default profile` : `no registry ${registryPath}`);

  // 7. none
  return {
    kind: 'none',
    message: `No smoke command resolved: no 'smoke-command' or 'profile' input, no Smoke-Profile selector; ${misses.join('; ')}.`,
    ...ctx,
  };
}

function unknownProfileMessage(name: string, via: string, registry: Registry): string {
  const known = knownProfiles(registry);
  const where = registry.present
    ? `is not defined in ${registry.file}; known profiles: ${known.length > 0 ? known.join(', ') : '(none)'}`
    : `cannot be found: the registry ${registry.file} is not in the merge commit, so no profiles are defined`;
  return `Profile '${name}' (${via}) ${where}.`;
}

/** TreeReader.read, with git failures turned into ResolveInfraError; ConfigError passes through. */
async function readTree(tree: TreeReader, path: string, ctx: ResolveContext): Promise<string | null> {
  try {
    return await tree.read(path);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const detail = e instanceof TreeReadError ? e.message : `cannot read ${path}: ${(e as Error).message}`;
    throw new ResolveInfraError('git_failed', detail, ctx, e);
  }
}
