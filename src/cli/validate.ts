// `post-merge-smoke validate`: the action's `mode: validate` on a commit of this repository (never fetched)
// or on the working tree. Exit 0 valid, 1 problems (or unreadable files), 2 usage.
import { CliGitRepository, type GitRepository } from '../adapters/index.js';
import { knownSecrets, type Sha } from '../domain/index.js';
import { runValidateScript, type ValidateSource, type Validation } from '../modes/index.js';
import { next, stage, stop, type Stage } from '../pipeline/index.js';
import { asFlagError, localContext, parseSettings, type Settings } from '../settings/index.js';
import { Redactor, terminalSafe } from '../sinks/index.js';
import type { ValidateArgs } from './args.js';
import { cliSinks, EXIT_FAILED, EXIT_OK, repositoryRoot, usageFailure, type CliIo } from './io.js';

const WHO = 'post-merge-smoke validate';

export async function validateCommand(args: ValidateArgs, io: CliIo): Promise<number> {
  const root = await repositoryRoot(io, args.dir);
  if (!root.ok) return usageFailure(io, WHO, root.message);
  const runner = localContext(root.value);
  const { settings, errors } = parseSettings((name) => args.inputs[name], runner);
  // Only the flags given can be wrong: inputs that validate does not read keep their defaults.
  const wrong = errors.filter((e) => args.inputs[e.input] !== undefined);
  if (wrong.length > 0) return usageFailure(io, WHO, wrong.map(asFlagError).join('\n'));
  const git = new CliGitRepository(root.value, { env: io.env });
  const sinks = cliSinks(
    io,
    Redactor.fromEnv(io.env, knownSecrets(io.env), settings.redactPatterns),
    args.json,
  );
  const source: ValidateSource =
    args.source.kind === 'worktree'
      ? { kind: 'worktree' }
      : { kind: 'commit', resolve: refStage(git, args.source.ref) };
  const end = await runValidateScript({ settings, git, sinks, runner }, source, {
    signal: io.signal,
    inputErrors: [],
    describeInputError: asFlagError,
    registryNamedBy: args.inputs['registry-path'] === undefined ? null : '--registry-path',
  });
  if (end.kind === 'stopped') {
    const { status, reason, message } = end.verdict;
    if (status === 'BLOCKED' && reason === 'invalid_input') return usageFailure(io, WHO, message);
    io.stderr(`${WHO}: ${status} ${reason}: ${message}\n`);
    return EXIT_FAILED;
  }
  const v = end.value;
  const say = (text: string) => io.stdout(sinks.redactor.redact(text));
  say(
    args.json ? JSON.stringify(validationDocument(v, args, settings), null, 2) + '\n' : renderValidation(v),
  );
  return v.problems.length === 0 ? EXIT_OK : EXIT_FAILED;
}

/** --ref: a commit of this repository, as it is (nothing is fetched). */
function refStage(git: GitRepository, ref: string): Stage<Sha> {
  return stage('resolve --ref', async (signal) => {
    const found = await git.revParseCommit(ref, { signal });
    if (found.kind === 'found') return next(found.sha, { facts: { mergeCommit: found.sha } });
    if (found.kind === 'failed') return stop('ERROR', 'git_failed', `${found.failure.message}.`);
    if (found.kind === 'ambiguous') {
      const shas = found.candidates.map((c) => c.sha.slice(0, 12)).join(', ');
      return stop('BLOCKED', 'invalid_input', `--ref '${ref}' is ambiguous: it could be ${shas}`);
    }
    const hint = ' (fetch it first, or give a SHA, a branch or a tag)';
    return stop('BLOCKED', 'invalid_input', `--ref '${ref}' is not a commit of this repository${hint}`);
  });
}

/** `file:line:column: message` like a compiler, so that editors and terminals can jump to it. */
export function renderValidation(v: Validation): string {
  const out: string[] = [];
  for (const p of v.problems) {
    const at = [p.file, p.line, p.line !== null ? p.column : null].filter((x) => x !== null).join(':');
    out.push(terminalSafe(`${at}: ${p.message}`));
    if (p.hint) out.push(`    ${terminalSafe(p.hint)}`);
  }
  if (out.length > 0) out.push('');
  const mark = v.problems.length === 0 ? '✔ the configuration is valid' : '✘ the configuration has problems';
  out.push(`${mark}: ${terminalSafe(v.summary)}`);
  if (v.files.ignored.length > 0) {
    const shown = v.files.ignored.slice(0, 5).join(', ') + (v.files.ignored.length > 5 ? ', …' : '');
    out.push(`  skipped (no task id a run selects, no smoke definition): ${terminalSafe(shown)}`);
  }
  return out.join('\n') + '\n';
}

export function validationDocument(v: Validation, args: ValidateArgs, s: Settings) {
  const c = v.checked;
  return {
    valid: v.problems.length === 0,
    source:
      args.source.kind === 'worktree'
        ? { kind: 'worktree' }
        : { kind: 'commit', ref: args.source.ref, commit: v.files.commit },
    registry_path: s.registryPath,
    task_path: s.taskPath,
    task_id_pattern: s.taskIdPattern.source,
    checked: {
      registry: c.registry,
      profiles: c.profiles,
      task_mappings: c.taskMappings,
      default_profile: c.defaultProfile,
      task_files: c.taskFiles,
      task_files_with_smoke: c.taskFilesWithSmoke,
    },
    ignored_files: v.files.ignored,
    problems: v.problems.map((p) => ({ ...p, hint: p.hint ?? null })),
    summary: v.summary,
  };
}
