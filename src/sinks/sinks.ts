// The three kinds of sinks: the runner's (job log, outputs, summary through @actions/core), a terminal's
// (the CLI), and an in-memory record (replays and tests). They differ in where text goes; redaction and
// fencing are the same everywhere because they happen here.
import { writeJsonAtomic } from './atomic-write.js';
import { fencedText, looksLikeWorkflowCommand, withWorkflowCommandsStopped } from './fence.js';
import { createLiveEcho } from './live-echo.js';
import { copyRedacted, redactInPlace } from './redact-file.js';
import type { Redactor } from './redact.js';
import type { AnnotationProps, LiveOutput, Log, Sinks, StepFilesChange, StepFilesGuard } from './types.js';
import type { OutputName } from '../settings/index.js';

/** The part of @actions/core the action's sinks use (core itself, or a test's stand-in). */
export interface RunnerPort extends Omit<Log, 'group'> {
  startGroup(title: string): void;
  endGroup(): void;
  setOutput(name: string, value: string): void;
  /** null: the runner gave no summary file. */
  appendSummary: ((markdown: string) => Promise<void>) | null;
  /** Raw stdout, for the live echo (lines already end in a newline). */
  write(text: string): void;
  /** Holds the step's runner files while the smoke runs (absent: nothing to guard). */
  guardStepFiles?: () => StepFilesGuard;
}

const annotation = (r: Redactor, props?: AnnotationProps): AnnotationProps | undefined =>
  props && { ...props, title: props.title === undefined ? undefined : r.redact(props.title) };

function liveOutput(redactor: Redactor, write: (text: string) => void): LiveOutput {
  const echo = createLiveEcho(redactor, write);
  return {
    push: (stream, chunk) => echo.push(stream, chunk),
    note: (text) => {
      echo.flush();
      write(redactor.redact(text));
    },
    flush: () => echo.flush(),
  };
}

/** Runs `work` with a fresh live output and writes what is left of incomplete lines at the end. */
async function withLive<T>(live: LiveOutput, work: (live: LiveOutput) => Promise<T>): Promise<T> {
  try {
    return await work(live);
  } finally {
    live.flush();
  }
}

function fileWriters(redactor: Redactor): Pick<Sinks, 'writeJson' | 'copyRedacted' | 'redactFileInPlace'> {
  return {
    writeJson: (path, value) => writeJsonAtomic(path, redactor.redactDeep(value)),
    copyRedacted: (source, fallback, target) => copyRedacted(source, fallback, target, redactor),
    redactFileInPlace: (path) => redactInPlace(path, redactor),
  };
}

/** The job log: annotations are escaped by core; plain lines that could read as commands are fenced. */
function runnerLog(redactor: Redactor, port: RunnerPort): Log {
  const safe = (text: string) => {
    const clean = redactor.redact(text);
    return looksLikeWorkflowCommand(clean) ? fencedText(clean) : clean;
  };
  return {
    info: (text) => port.info(safe(text)),
    notice: (text, props) => port.notice(redactor.redact(text), annotation(redactor, props)),
    warning: (text, props) => port.warning(redactor.redact(text), annotation(redactor, props)),
    error: (text, props) => port.error(redactor.redact(text), annotation(redactor, props)),
    debug: (text) => port.debug(redactor.redact(text)),
    group: async (title, work) => {
      port.startGroup(redactor.redact(title).replace(/\s+/g, ' '));
      try {
        return await work();
      } finally {
        port.endGroup();
      }
    },
  };
}

export function runnerSinks(redactor: Redactor, port: RunnerPort): Sinks {
  const summary = port.appendSummary;
  const log = runnerLog(redactor, port);
  // What the smoke wrote to the job summary waits for the action's own section and follows it.
  let smokeSummary = '';
  const fenced = <T>(work: (live: LiveOutput) => Promise<T>): Promise<T> =>
    withWorkflowCommandsStopped(
      (text) => port.write(text),
      () =>
        withLive(
          liveOutput(redactor, (text) => port.write(text)),
          work,
        ),
    );
  return {
    redactor,
    log,
    withLiveOutput: async (work) => {
      const guard = port.guardStepFiles?.() ?? null;
      try {
        return await fenced(work);
      } finally {
        if (guard) smokeSummary += settleStepFiles(guard.restore(), log);
      }
    },
    // Outputs are built from values already redacted (redactDeep of the result), where user patterns cannot
    // break the result's JSON or a SHA; here only the secrets, as a last guard.
    setOutput: (name, value) => port.setOutput(name, redactor.redactSecrets(value)),
    appendSummary:
      summary &&
      ((markdown) => {
        const text = markdown + smokeSummary;
        smokeSummary = '';
        return summary(redactor.redact(text));
      }),
    ...fileWriters(redactor),
  };
}

/** Warns of every runner file the smoke changed; returns its summary text as a section of its own. */
function settleStepFiles(change: StepFilesChange, log: Log): string {
  for (const name of change.changed) {
    log.warning(
      `The smoke command wrote to $${name}, which it is not given; the file is put back as it was before the smoke (see the README's Security section).`,
    );
  }
  for (const failure of change.failures)
    log.warning(`Could not put back a runner file the smoke changed: ${failure}`);
  if (change.summary === null || change.summary.text.trim() === '') return '';
  const how = change.summary.rewritten ? ' (it rewrote the file: all of it is shown here)' : '';
  const cut = change.summary.cut
    ? "\n\n_(cut here: GitHub shows at most 1 MiB of a step's summary)_\n"
    : '\n';
  return `\n\n---\n\n#### Written to the job summary by the smoke command${how}\n\n${change.summary.text}${cut}`;
}

export interface TerminalIo {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  debug: boolean;
}

/** Escape sequences and other control characters (but newlines and tabs) shown as \xNN. */
// eslint-disable-next-line no-control-regex -- these are the characters being neutralised
const CONTROL = /[\x00-\x08\x0b-\x1f\x7f\x9b]/g;

export function terminalSafe(text: string): string {
  return text.replace(CONTROL, (c) => `\\x${c.charCodeAt(0).toString(16).padStart(2, '0')}`);
}

function terminalLog(redactor: Redactor, io: TerminalIo): Log {
  const line = (prefix: string) => (text: string, props?: AnnotationProps) => {
    const where = props?.file ? `${props.file}${props.line ? `:${props.line}` : ''}: ` : '';
    const title = props?.title ? `${props.title}: ` : '';
    io.stderr(`${prefix}${where}${title}${terminalSafe(redactor.redact(text))}\n`);
  };
  return {
    info: line(''),
    notice: line('note: '),
    warning: line('warning: '),
    error: line('error: '),
    debug: (text) => {
      if (io.debug) io.stderr(`debug: ${terminalSafe(redactor.redact(text))}\n`);
    },
    group: async (title, work) => {
      io.stderr(`── ${terminalSafe(redactor.redact(title))}\n`);
      return work();
    },
  };
}

/** A developer's terminal: the log on stderr; the smoke's output on `live` (stdout, or stderr under --json). */
export function terminalSinks(redactor: Redactor, io: TerminalIo, live: (text: string) => void): Sinks {
  return {
    redactor,
    log: terminalLog(redactor, io),
    withLiveOutput: (work) =>
      withLive(
        liveOutput(redactor, (text) => live(terminalSafe(text))),
        work,
      ),
    setOutput: null,
    appendSummary: null,
    ...fileWriters(redactor),
  };
}

/** Outputs and summary kept in memory (replays, tests); the log and live output go where `log` says. */
export interface Recorded {
  outputs: Partial<Record<OutputName, string>>;
  summary: string;
}

export function recordingSinks(
  redactor: Redactor,
  log: Log,
  live: (text: string) => void,
): { sinks: Sinks; recorded: Recorded } {
  const recorded: Recorded = { outputs: {}, summary: '' };
  const sinks: Sinks = {
    redactor,
    log,
    withLiveOutput: (work) => withLive(liveOutput(redactor, live), work),
    setOutput: (name, value) => {
      recorded.outputs[name] = redactor.redactSecrets(value);
    },
    appendSummary: async (markdown) => {
      recorded.summary += redactor.redact(markdown);
    },
    ...fileWriters(redactor),
  };
  return { sinks, recorded };
}
