// Running the smoke: the pending commit status alongside, the command in its own process group with its
// output echoed live (redacted and fenced by the sink), and the engine's run turned into facts.
import { join } from 'node:path';
import type { Sha } from '../../domain/index.js';
import { buildChildEnv, runSmoke, type SmokeRun, type SmokeSpec } from '../../execute/index.js';
import {
  executionFacts,
  cancelled,
  next,
  stage,
  warning,
  type Note,
  type Stage,
} from '../../pipeline/index.js';
import { pendingStatus, postCommitStatus } from '../../report/index.js';
import { runInfo } from '../../settings/index.js';
import type { LiveOutput } from '../../sinks/index.js';
import type { ModeContext } from '../context.js';
import type { Command } from './command.js';

/** Who the run is about, for the child's environment and the pending status. */
export interface Subject {
  sha: Sha;
  taskId: string | null;
  prNumber: number | null;
}

export function executeStage(c: ModeContext, subject: Subject, command: Command): Stage<SmokeRun> {
  return stage(
    'run the smoke command',
    async (signal) => {
      const pending = postPending(c, subject, command);
      const run = await c.sinks.withLiveOutput((live) =>
        runSmoke(smokeSpec(c, subject, command, live), { signal }),
      );
      const notes: Note[] = [];
      const pendingOutcome = await pending;
      if (pendingOutcome.startsWith('failed'))
        notes.push(warning(`Pending commit status: ${pendingOutcome}`));
      if (run.flaky) {
        notes.push(warning(`The smoke passed on attempt ${run.attempts.length} after failing: it is flaky.`));
      }
      const learned = { facts: { execution: executionFacts(run) }, notes };
      // Killed because the run was aborted: the runner says whether that is a cancellation or a crash.
      if (run.status === 'CANCELLED' && signal.aborted) return { ...cancelled(signal), ...learned };
      return next(run, learned);
    },
    { group: 'Smoke command output', ownsCancellation: true },
  );
}

function postPending(c: ModeContext, subject: Subject, command: Command): Promise<string> {
  // A run job that hands its result to a report job writes nothing: its token may only read.
  if (!c.settings.report) return Promise.resolve('skipped: report is false');
  const content = pendingStatus({
    taskId: subject.taskId,
    prNumber: subject.prNumber,
    timeoutSeconds: command.timeoutSeconds,
  });
  return postCommitStatus(
    c.api,
    subject.sha,
    c.settings.statusContext,
    content.state,
    c.sinks.redactor.redact(content.description),
    runInfo(c.runner)?.url ?? null,
  );
}

function smokeSpec(c: ModeContext, subject: Subject, command: Command, live: LiveOutput): SmokeSpec {
  const s = c.settings;
  return {
    command: command.command,
    shell: command.shell,
    workingDirectory: command.workingDirectory,
    timeoutSeconds: command.timeoutSeconds,
    killGraceSeconds: s.killGraceSeconds,
    maxOutputBytes: s.maxOutputBytes,
    logMaxBytes: s.logMaxBytes,
    logDir: join(c.outDir, 'logs'),
    // Every form of every secret the redactor knows (the token, its base64, the basic-auth credential…).
    env: buildChildEnv(
      c.env,
      {
        SMOKE_MERGE_COMMIT: subject.sha,
        SMOKE_TASK_ID: subject.taskId ?? '',
        SMOKE_PR_NUMBER: subject.prNumber === null ? '' : String(subject.prNumber),
      },
      [...c.secrets, ...c.sinks.redactor.knownForms()],
    ),
    // Output is cut before it is redacted: the cuts stay out of secrets, and no raw log stays on disk.
    cutGuard: c.sinks.redactor.cutGuard(),
    sealLog: (path) => c.sinks.redactFileInPlace(path),
    retries: s.retries,
    retryOn: s.retryOn,
    containment: s.containment,
    maxProcesses: s.maxProcesses,
    echo: (stream, chunk) => live.push(stream, chunk),
    onAttempt: (n, of) => {
      if (of > 1) live.note(`::: attempt ${n} of ${of} :::\n`);
    },
  };
}
