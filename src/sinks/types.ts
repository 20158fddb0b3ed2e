// Where a run's text goes. Every writer is built around the one Redactor (and, for the runner, the one fence
// against workflow commands), so no caller redacts or escapes anything itself: it writes to a sink.
import type { OutputName } from '../settings/index.js';
import type { Redactor } from './redact.js';

/** Where an annotation points, and its title. */
export interface AnnotationProps {
  title?: string;
  file?: string;
  line?: number;
  column?: number;
}

export interface Log {
  info(text: string): void;
  notice(text: string, props?: AnnotationProps): void;
  warning(text: string, props?: AnnotationProps): void;
  error(text: string, props?: AnnotationProps): void;
  debug(text: string): void;
  /** Runs `work` inside a collapsible group of the job log (a heading on a terminal). */
  group<T>(title: string, work: () => Promise<T>): Promise<T>;
}

/** The smoke command's live output. */
export interface LiveOutput {
  /** A raw chunk, in order per stream; written line by line, redacted. */
  push(stream: 'stdout' | 'stderr', chunk: Buffer): void;
  /** A line of our own between attempts ("attempt 2 of 3"). */
  note(text: string): void;
  /** Writes what is left of incomplete lines. */
  flush(): void;
}

export interface Sinks {
  readonly redactor: Redactor;
  readonly log: Log;
  /**
   * Runs `work` — the smoke — with a fresh live output, fenced from workflow commands where that matters; on
   * a runner, the step's own files are kept as they were and put back after (adapters/step-files.ts).
   */
  withLiveOutput<T>(work: (live: LiveOutput) => Promise<T>): Promise<T>;
  /** null: no job outputs here (the CLI). */
  readonly setOutput: ((name: OutputName, value: string) => void) | null;
  /** null: no job summary here. */
  readonly appendSummary: ((markdown: string) => Promise<void>) | null;
  /** Writes JSON (pretty, atomic), redacted. */
  writeJson(path: string, value: unknown): Promise<void>;
  /** Writes `target` as the redacted copy of the file `source` (or of `fallback` when there is none). */
  copyRedacted(source: string | null, fallback: string, target: string): Promise<void>;
  /** Replaces the file at `path` with its redacted copy (throws when it cannot: then remove the file). */
  redactFileInPlace(path: string): Promise<void>;
}

/** What the smoke changed in the step's runner files; each is put back as it was before the smoke. */
export interface StepFilesChange {
  /** File commands it wrote to (GITHUB_ENV, …). */
  changed: string[];
  /** What it added to the job summary (capped), to be written after the action's own section. */
  summary: { text: string; cut: boolean; rewritten: boolean } | null;
  /** Files that could not be put back, each with why. */
  failures: string[];
}

/** Holds the step's runner files as they were; `restore` puts them back and says what had changed. */
export interface StepFilesGuard {
  restore(): StepFilesChange;
}
