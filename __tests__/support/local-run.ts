// Runs the whole of `mode: run` (as the action does, minus the runner) against a real GitFixture: a bare
// origin, a clone at the pushed merge commit, no GitHub API. For tests that need a full SmokeResult and packet.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { GitCli } from '../../src/adapters/git.js';
import type { EscalationPacket } from '../../src/contracts.js';
import type { ModeContext } from '../../src/modes/context.js';
import { smokeAndPublish } from '../../src/modes/smoke.js';
import type { Publication } from '../../src/report/publish.js';
import {
  parseSettings,
  type InputName,
  type OutputName,
  type RunnerContext,
} from '../../src/settings/index.js';
import { recordingSinks, Redactor } from '../../src/sinks/index.js';
import { GitFixture } from './git-fixture.js';
import { silentLog } from './logs.js';
import { pushRunner } from './runner-context.js';

export interface LocalRun extends Publication {
  sha: string;
  fixture: GitFixture;
  outputs: Partial<Record<OutputName, string>>;
  packet: EscalationPacket | null;
  live: string;
}

export interface LocalRunOptions {
  files?: Record<string, string>;
  message?: string;
  fixture?: GitFixture;
  signal?: AbortSignal;
  /** Sees the smoke's live output as it comes (to wait for the spawn, say). */
  onLive?: (text: string) => void;
}

/** A push of `sha` to main of octo/repo, in attempt `runAttempt`, with no reachable API. */
export function pushContext(fixture: GitFixture, sha: string, runAttempt = 1): RunnerContext {
  return pushRunner(sha, {
    workspace: fixture.work,
    runnerTemp: join(fixture.root, 'runner-temp'),
    runAttempt,
  });
}

export async function runLocal(
  inputs: Partial<Record<InputName, string>>,
  options: LocalRunOptions = {},
): Promise<LocalRun> {
  const fixture = options.fixture ?? GitFixture.create();
  const sha = fixture.commit(
    options.message ?? 'task-2512: post merge smoke runner (#71)',
    options.files ?? {},
  );
  fixture.push();
  const runner = pushContext(fixture, sha);
  const { settings, errors } = parseSettings((name) => inputs[name], runner);
  let live = '';
  const recording = recordingSinks(
    new Redactor({ secrets: [], patterns: settings.redactPatterns }),
    silentLog(),
    (t) => {
      live += t;
      options.onLive?.(t);
    },
  );
  const c: ModeContext = {
    entry: 'action',
    settings,
    runner,
    git: new GitCli(fixture.work),
    api: null,
    sinks: { ...recording.sinks, appendSummary: null },
    outDir: join(runner.runnerTemp, 'post-merge-smoke'),
    env: process.env,
    secrets: [],
    retry: { delaysMs: [5, 5] },
    apply: true,
    checkoutWorkspace: true,
    taskFileOverride: null,
    now: () => new Date(),
  };
  const publication = await smokeAndPublish(c, {
    signal: options.signal ?? new AbortController().signal,
    inputErrors: errors,
    describeInputError: (e) => e.message,
    uploadArtifact: null,
  });
  const packet = publication.packetPath
    ? (JSON.parse(readFileSync(publication.packetPath, 'utf8')) as EscalationPacket)
    : null;
  return { ...publication, sha, fixture, outputs: recording.recorded.outputs, packet, live };
}
