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
import { DEFAULT_PROFILE, isSha, type Sha } from '../domain/index.js';
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
  pickResultArtifacts,
  publishResult,
  RESULT_FILE_NAME,
  validators,
  type ArtifactStore,
  type LogPaths,
  type PickedArtifact,
  type Publication,
  type StoredArtifact,
  type ReceivedResults,
} from '../report/index.js';
import { runInfo } from '../settings/index.js';
import type { ModeContext } from './context.js';
import type { Received, Unusable } from './received.js';
import {
  decidingProfile,
  FANOUT_PLAN_FILE,
  foldShards,
  parsePlanDocument,
  planArtifactName,
} from '../fanout/index.js';
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
  /** The plan job's profiles (its plan artifact); null without a plan job. */
  planned: string[] | null;
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
        return next({ received: parsed, unusable: [], planned: null });
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
  const planned = await readPlan(c, store, pickPlanArtifact(listed, sha, attempt));
  if (typeof planned === 'string') return stop('ERROR', 'missing_shard', planned);
  if (picked.length === 0 && planned === null) {
    const wanted = `post-merge-smoke-result-<profile>-${sha.slice(0, 7)}-attempt-${attempt}`;
    return stop(
      'ERROR',
      'missing_shard',
      `No result artifact ${wanted} in this workflow run: did the run job (report: false) finish and upload one?`,
    );
  }
  const receipt: Receipt = { received: [], unusable: [], planned };
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
    // Without a plan job, every run job that left a result was a shard.
    const planned = receipt.planned ?? receipt.received.map((r) => r.profile);
    const missing = [...receipt.unusable, ...elsewhere].map((u) => ({
      profile: u.profile,
      why: `${u.source}: ${u.why}`,
    }));
    // One run job and no plan (the two-job setup): its result is the verdict as it stands, not a fan-out.
    const single = receipt.planned === null && missing.length === 0 && aboutThis.length === 1;
    const folded = single ? aboutThis[0]!.result : foldShards(planned, aboutThis, missing);
    const deciding = single ? aboutThis[0] : aboutThis.find((r) => r.profile === decidingProfile(folded));
    const received: ReceivedResults = {
      sources: receipt.received.map((r) => r.source),
      logs: deciding?.logs ?? null,
    };
    return next({ result: asReport(c, { ...folded, merge_commit: sha }), received });
  });
}

/** The plan job's profiles; null when there is no plan artifact; a sentence when it cannot be used. */
async function readPlan(c: ModeContext, store: ArtifactStore, plan: StoredArtifact | null) {
  if (plan === null) return null;
  const dir = join(c.outDir, 'received', plan.name);
  try {
    await store.download(plan, dir);
    const parsed = parsePlanDocument(JSON.parse(await readFile(join(dir, FANOUT_PLAN_FILE), 'utf8')));
    if (!parsed.ok) return `The plan artifact ${plan.name} ${parsed.problem}.`;
    return parsed.value.profiles;
  } catch (e) {
    return `Could not read the plan artifact ${plan.name}: ${(e as Error).message.split('\n')[0]}`;
  }
}

/** The plan of `sha` from this attempt, else the newest earlier one ("Re-run failed jobs" skips a passed plan). */
function pickPlanArtifact(artifacts: readonly StoredArtifact[], sha: Sha, attempt: number) {
  for (let n = attempt; n >= 1; n--) {
    const found = artifacts.find((a) => a.name === planArtifactName(sha, n));
    if (found) return found;
  }
  return null;
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
    return publishResult(buildResult(end.facts, end.verdict), null, publishContext(c, o));
  }
  const { result, received } = end.value;
  return publishResult(result, null, { ...publishContext(c, o), received });
}
