// Runs the whole pipeline (as the action does, minus the runner) against a real GitFixture: a bare origin,
// a clone at the pushed merge commit, no GitHub API. For tests that need a full SmokeResult and packet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitCli } from '../../src/adapters/git.js';
import type { EscalationPacket } from '../../src/contracts.js';
import { runPipeline } from '../../src/pipeline.js';
import type { Publication } from '../../src/report/publish.js';
import type { Logger } from '../../src/report/types.js';
import { parseSettings, type InputName, type OutputName, type RunnerContext } from '../../src/settings.js';
import { GitFixture } from './git-fixture.js';

export const silentLog: Logger = { info: () => {}, warning: () => {}, error: () => {}, debug: () => {} };

export interface LocalRun extends Publication {
  sha: string;
  fixture: GitFixture;
  outputs: Partial<Record<OutputName, string>>;
  packet: EscalationPacket | null;
  live: string;
}

export async function runLocal(
  inputs: Partial<Record<InputName, string>>,
  options: {
    files?: Record<string, string>;
    message?: string;
    fixture?: GitFixture;
    signal?: AbortSignal;
  } = {},
): Promise<LocalRun> {
  const fixture = options.fixture ?? GitFixture.create();
  const sha = fixture.commit(
    options.message ?? 'task-2512: post merge smoke runner (#71)',
    options.files ?? {},
  );
  fixture.push();
  const ctx: RunnerContext = {
    eventName: 'push',
    event: { after: sha, ref: 'refs/heads/main' },
    sha,
    ref: 'refs/heads/main',
    repository: 'octo/repo',
    serverUrl: 'https://github.com',
    apiUrl: 'http://127.0.0.1:9',
    graphqlUrl: 'http://127.0.0.1:9/graphql',
    runId: '100',
    runAttempt: 1,
    workspace: fixture.work,
    runnerTemp: join(fixture.root, 'runner-temp'),
    os: 'Linux',
  };
  const all: Partial<Record<InputName, string>> = { 'status-context': 'post-merge-smoke', ...inputs };
  const { settings, errors } = parseSettings((name) => all[name] ?? '', ctx);
  const outputs: Partial<Record<OutputName, string>> = {};
  let live = '';
  const outcome = await runPipeline(
    {
      settings,
      inputErrors: errors,
      ctx,
      outDir: join(ctx.runnerTemp, 'post-merge-smoke'),
      retry: { delaysMs: [5, 5] },
      apply: true,
      env: process.env,
      secrets: [],
      checkoutWorkspace: true,
    },
    {
      git: new GitCli(fixture.work),
      api: null,
      log: silentLog,
      writeLive: (text) => {
        live += text;
      },
      fenceWorkflowCommands: false,
      setOutput: (name, value) => {
        outputs[name] = value;
      },
      appendSummary: null,
      uploadArtifact: null,
      now: () => new Date(),
    },
    options.signal ?? new AbortController().signal,
  );
  if (outcome.kind !== 'published') throw new Error('expected a published result');
  const packet = outcome.packetPath
    ? (JSON.parse(readFileSync(outcome.packetPath, 'utf8')) as EscalationPacket)
    : null;
  return { ...outcome, sha, fixture, outputs, packet, live };
}
