// `mode: report` (SPEC-v2 §1): a job that never runs repository code (no checkout needed) receives the
// results of the run jobs of this workflow run attempt — their result artifacts, or the `results` input —
// folds them into one verdict and does the privileged reporting exactly as a one-job run would: commit
// status, Critical #7 packet, green ref, escalation issue, summary, outputs.
//
// A run job's result is evidence, not authority: the smoke ran in that job, and a malicious smoke command
// can forge what the job uploads. So the report job takes the commit from its own event (a result about
// another commit is unusable), and its own run for the links it posts.
import { readFile, stat } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { SmokeResult } from '../contracts.js';
import { isSha, type Sha } from '../domain/index.js';
import {
  buildResult,
  info,
  next,
  PENDING_REPORTING,
  run,
  runScript,
  stage,
  stop,
  warning,
  type Script,
  type Stage,
} from '../pipeline/index.js';
import {
  DEFAULT_PROFILE,
  pickResultArtifacts,
  publishResult,
  RESULT_FILE_NAME,
  validators,
  type ArtifactStore,
  type LogPaths,
  type PickedArtifact,
  type Publication,
  type ReceivedResults,
} from '../report/index.js';
import { runInfo } from '../settings/index.js';
import type { ModeContext } from './context.js';
import { foldResults, type Received, type Unusable } from './fold.js';
import { inputsStage } from './stages/commit.js';
import { inputName } from './wording.js';
import { publishContext, type SmokeOptions } from './smoke.js';

/** A result file bigger than this is not a result (max-output-bytes keeps a real one far smaller). */
const MAX_RESULT_FILE_BYTES = 32 * 1024 * 1024;

export interface ReportEnd {
  result: SmokeResult;
  received: ReceivedResults;
}

interface Receipt {
  received: (Received & { logs: LogPaths | null })[];
  unusable: Unusable[];
}

export async function* reportScript(c: ModeContext, o: SmokeOptions): Script<ReportEnd> {
  yield* run(inputsStage(o.inputErrors, o.describeInputError));
  const sha = yield* run(subjectStage(c));
  const receipt = yield* run(receiveStage(c, o.artifacts ?? null, sha));
  return yield* run(foldStage(c, sha, receipt));
}

/** The commit the report is about: the report job's own (its event's, or the merge-commit input). */
function subjectStage(c: ModeContext): Stage<Sha> {
  return stage('find the commit to report on', async () => {
    const sha = c.settings.mergeCommit;
    if (isSha(sha)) return next(sha, { facts: { mergeCommit: sha } });
    const name = inputName(c.entry, 'merge-commit');
    return stop(
      'BLOCKED',
      'invalid_input',
      `${name} must be a full commit SHA in mode report, not '${sha}'.`,
    );
  });
}

function receiveStage(c: ModeContext, store: ArtifactStore | null, sha: Sha): Stage<Receipt> {
  return stage(
    "receive the run jobs' results",
    async () => {
      if (c.settings.results !== null) {
        const parsed = await fromInput(c.settings.results);
        if (typeof parsed === 'string') {
          return stop('BLOCKED', 'invalid_input', `${inputName(c.entry, 'results')} ${parsed}.`);
        }
        return next({ received: parsed, unusable: [] });
      }
      if (store === null) {
        return stop(
          'ERROR',
          'missing_shard',
          "No results input, and no artifact service here (ACTIONS_RESULTS_URL) to read the run jobs' results from.",
        );
      }
      return fromArtifacts(c, store, sha);
    },
    { group: "The run jobs' results" },
  );
}

/** The `results` input's results, or what is wrong with it. */
async function fromInput(text: string): Promise<Receipt['received'] | string> {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (e) {
    return `is not JSON: ${(e as Error).message}`;
  }
  const items = Array.isArray(json) ? json : [json];
  if (items.length === 0) return 'is an empty array: there is nothing to report';
  const { validateResult } = await validators();
  const received: Receipt['received'] = [];
  for (const [i, item] of items.entries()) {
    const source = items.length === 1 ? 'the results input' : `the results input [${i}]`;
    try {
      const result = validateResult(item);
      received.push({ profile: result.profile ?? DEFAULT_PROFILE, source, result, logs: null });
    } catch (e) {
      return `holds something that is not a SmokeResult (${source}): ${(e as Error).message}`;
    }
  }
  return received;
}

async function fromArtifacts(c: ModeContext, store: ArtifactStore, sha: Sha) {
  const attempt = c.runner.runAttempt;
  let listed;
  try {
    listed = await store.list();
  } catch (e) {
    return stop(
      'ERROR',
      'api_failed',
      `Could not list the artifacts of this workflow run: ${(e as Error).message}`,
    );
  }
  const { picked, notes } = pickResultArtifacts(listed, sha, attempt);
  if (picked.length === 0) {
    const wanted = `post-merge-smoke-result-<profile>-${sha.slice(0, 7)}-attempt-${attempt}`;
    return stop(
      'ERROR',
      'missing_shard',
      `No result artifact ${wanted} in this workflow run: did the run job (report: false) finish and upload one?`,
    );
  }
  const receipt: Receipt = { received: [], unusable: [] };
  for (const p of picked) {
    const got = await readArtifact(c, store, p);
    if ('why' in got) receipt.unusable.push(got);
    else receipt.received.push(got);
  }
  const read = receipt.received.map((r) =>
    info(`Read ${r.source}: ${r.result.status} (${r.result.reason}).`),
  );
  const unread = receipt.unusable.map((u) => warning(`Could not use ${u.source}: ${u.why}`));
  return next(receipt, { notes: [...notes.map(warning), ...read, ...unread] });
}

async function readArtifact(
  c: ModeContext,
  store: ArtifactStore,
  p: PickedArtifact,
): Promise<Receipt['received'][number] | Unusable> {
  const dir = join(c.outDir, 'received', p.name);
  try {
    await store.download(p, dir);
    const file = join(dir, RESULT_FILE_NAME);
    if ((await stat(file)).size > MAX_RESULT_FILE_BYTES) throw new Error(`${RESULT_FILE_NAME} is too large`);
    const result = (await validators()).validateResult(JSON.parse(await readFile(file, 'utf8')));
    const log = (name: string) => (existsSync(join(dir, name)) ? join(dir, name) : null);
    const logs = { stdout: log('stdout.log'), stderr: log('stderr.log') };
    return { profile: p.profile, source: p.name, result, logs };
  } catch (e) {
    return { profile: p.profile, source: p.name, why: (e as Error).message.split('\n')[0]! };
  }
}

function foldStage(c: ModeContext, sha: Sha, receipt: Receipt): Stage<ReportEnd> {
  return stage('fold the results', async () => {
    const aboutThis = receipt.received.filter((r) => r.result.merge_commit === sha);
    const elsewhere: Unusable[] = receipt.received
      .filter((r) => r.result.merge_commit !== sha)
      .map((r) => ({ ...r, why: `it is about ${r.result.merge_commit ?? 'no commit'}, not ${sha}` }));
    const fold = foldResults(aboutThis, [...receipt.unusable, ...elsewhere]);
    if (fold.kind === 'verdict') return stop(fold.verdict.status, fold.verdict.reason, fold.verdict.message);
    const folded = receipt.received.find((r) => r.result === fold.result)!;
    const received: ReceivedResults = {
      sources: receipt.received.map((r) => r.source),
      logs: folded.logs,
    };
    return next({ result: asReport(c, fold.result), received });
  });
}

/** The folded result as this job publishes it: its mode, its own run and event, reporting not done yet. */
function asReport(c: ModeContext, result: SmokeResult): SmokeResult {
  return {
    ...result,
    mode: 'report',
    event: c.runner.eventName || result.event,
    base_branch: c.settings.baseBranch ?? result.base_branch,
    run: runInfo(c.runner) ?? result.run,
    green_sha: null,
    issue_number: null,
    reporting: { ...PENDING_REPORTING },
  };
}

/** Runs `mode: report` to its end and publishes the folded result (or why there is none). */
export async function reportAndPublish(c: ModeContext, o: SmokeOptions): Promise<Publication> {
  const end = await runScript(reportScript(c, o), {
    signal: o.signal,
    log: c.sinks.log,
    initial: {
      mode: 'report',
      event: c.runner.eventName || null,
      baseBranch: c.settings.baseBranch,
      run: runInfo(c.runner),
    },
    dryRun: c.settings.dryRun,
  });
  if (end.kind === 'stopped') {
    return publishResult(buildResult(end.facts, end.verdict), null, publishContext(c, o, end.verdict));
  }
  const { result, received } = end.value;
  return publishResult(result, null, { ...publishContext(c, o, result), received });
}
