// Command resolution (SPEC §6): which command runs for this merge, from trusted places only.
//
// Precedence, first hit wins (the list SOURCES in sources.ts):
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
//   - a PR-body `Smoke-Profile:` line obeys the same edited-after-the-merge rule (not `pr-body-command`: it
//     can only pick a reviewed profile): edited after the merge, or from an unmerged PR → BLOCKED
//     `untrusted_source`, not a fall-through — it names the profile meant, and running a lower step's
//     command instead would hide that; the edit times are loaded only when that line is about to be used;
//   - the inputs (`registry-path`, `task-id`, `profile`) come parsed from settings and are not checked
//     again; a task file path built from `task-path` and a task id is (it is new);
//   - git failing to read the tree, or the API failing to give the PR's edit times → rejects with
//     ResolveInfraError (ERROR git_failed / api_failed), carrying the selectors found.
import { ConfigError } from './config-error.js';
import { emptyRegistry, parseRegistry, type Registry } from './registry.js';
import { invalidConfig, readTree, type Block, type Hit } from './resolution.js';
import { mergeOptions } from './run-options.js';
import { findSelectors } from './selectors.js';
import { NEEDS, SOURCES } from './sources.js';
import type { CommandOptions, ResolveContext, ResolveInput, ResolveOutcome } from './types.js';

export async function resolveCommand(input: ResolveInput): Promise<ResolveOutcome> {
  const selectors = findSelectors(input);
  const ctx: ResolveContext = {
    taskId: selectors.taskId?.value ?? null,
    profile: selectors.profile?.value ?? null,
    notes: [...selectors.notes],
  };
  const registry = await loadRegistry(input, ctx);
  if ('kind' in registry) return blocked(registry, ctx);
  const r = { input, selectors, registry, ctx };
  const misses: string[] = [];
  const met = new Set<string>();
  for (const source of SOURCES) {
    if (source.needs && !met.has(source.needs)) {
      const unmet = NEEDS[source.needs](r);
      if (unmet) return blocked(unmet, ctx);
      met.add(source.needs);
    }
    const answer = await source.answer(r);
    if (answer.kind === 'hit') return found(answer, ctx, registry.defaults);
    if (answer.kind === 'block') return blocked(answer, ctx);
    if (answer.note !== null) {
      misses.push(answer.note);
      ctx.notes.push(answer.note);
    }
  }
  return {
    kind: 'none',
    message: `No smoke command resolved: no 'smoke-command' or 'profile' input, no Smoke-Profile selector; ${misses.join('; ')}.`,
    ...ctx,
  };
}

/** The command, with the registry's defaults under its own options. */
function found(hit: Hit, ctx: ResolveContext, defaults: CommandOptions): ResolveOutcome {
  if (hit.profile) ctx.profile = hit.profile;
  ctx.notes.push(hit.note);
  const { command, source } = hit;
  return { kind: 'command', command, source, options: mergeOptions(hit.options, defaults), ...ctx };
}

function blocked(b: Block, ctx: ResolveContext): ResolveOutcome {
  if (b.profile) ctx.profile = b.profile;
  return { kind: 'blocked', reason: b.reason, message: b.message, ...ctx };
}

/** The registry of the merge commit; a file that is not there is an empty registry. */
async function loadRegistry(input: ResolveInput, ctx: ResolveContext): Promise<Registry | Block> {
  const path = input.registryPath;
  try {
    const text = await readTree({ input, ctx }, path);
    if (text === null) {
      ctx.notes.push(`registry ${path} is not in the merge commit: no profiles`);
      return emptyRegistry(path);
    }
    const registry = parseRegistry(text, path);
    ctx.notes.push(
      `registry ${path}: ${registry.profiles.size} profile(s), ${registry.tasks.size} task mapping(s)${registry.defaultProfile ? `, default ${registry.defaultProfile.profile}` : ''}`,
    );
    return registry;
  } catch (e) {
    if (e instanceof ConfigError) return invalidConfig('registry', e);
    throw e;
  }
}
