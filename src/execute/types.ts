// The engine's interface: everything needed to run one smoke command safely, and what comes back.
// It knows nothing about GitHub.
import type { RetryOn } from '../settings/index.js';

export type StreamName = 'stdout' | 'stderr';

/** SPEC-v2 §6: `auto` uses a cgroup when one can be created, `cgroup` requires one, `process-group` never tries. */
export type ContainmentSetting = 'auto' | 'cgroup' | 'process-group';
/** What an attempt actually ran in. */
export type ContainmentUsed = 'cgroup-v2' | 'cgroup-v1' | 'process-group';

/**
 * Where a cut of the raw output may fall (the head/tail capture and log cut output before it is redacted):
 * built from the redactor by the caller, so that no cut splits a known secret. Cuts move by what it says;
 * the moved bytes count as dropped.
 */
export interface CutGuard {
  /** How many bytes next to a cut it needs to see. */
  readonly window: number;
  /** Bytes to drop from the end of a head (given at least its last `window` bytes). */
  trimHead(head: Uint8Array): number;
  /** Bytes to skip at the start of a tail (given at least its first `window` bytes). */
  trimTail(tail: Uint8Array): number;
}

export interface SmokeSpec {
  /** The script text (may be several lines). */
  command: string;
  /** bash | sh | pwsh | python | cmd, or a template containing {0} (the script file). */
  shell: string;
  /** Absolute directory the command runs in. */
  workingDirectory: string;
  timeoutSeconds: number;
  killGraceSeconds: number;
  /** Per stream, kept in memory: first half + last half, marker between. */
  maxOutputBytes: number;
  /** Per stream, kept on disk with the same head/tail rule. */
  logMaxBytes: number;
  /** Directory for full logs: attempt-<n>.stdout.log / attempt-<n>.stderr.log, and the temp script. */
  logDir: string;
  /** The child's environment, already scrubbed (see child-env.ts); the engine adds the tracking id. */
  env: NodeJS.ProcessEnv;
  retries: number;
  retryOn: RetryOn;
  /** Default `auto`. */
  containment?: ContainmentSetting;
  /** The cgroup's pids.max (threads count too); null or absent: no limit. */
  maxProcesses?: number | null;
  /** Moves the head/tail cuts out of known secrets; absent: cuts fall on character boundaries only. */
  cutGuard?: CutGuard;
  /**
   * Called with each attempt log once it is complete, before the attempt's result is returned: replaces the
   * raw log with what may stay on disk (its redacted copy). When it throws, the log is deleted and its path
   * becomes null. Absent: the raw logs stay.
   */
  sealLog?: (path: string) => Promise<void>;
  /** Live echo of raw output chunks, in order per stream. */
  echo?: (stream: StreamName, chunk: Buffer) => void;
  /** Called before each attempt (1-based), e.g. to log "attempt 2 of 3". */
  onAttempt?: (attempt: number, of: number) => void;
  /**
   * Called with the attempt's pid once its process runs (in a cgroup: once it has joined it, just before it
   * execs the shell), before the deadline starts: wait for this, not a sleep.
   */
  onSpawn?: (pid: number, attempt: number) => void;
}

export interface StreamCapture {
  /** Head + marker + tail, decoded as UTF-8, cut on character boundaries. */
  text: string;
  /** Exact number of bytes the stream produced. */
  totalBytes: number;
  truncated: boolean;
  /** Path of the on-disk log (head/tail at logMaxBytes), or null if it could not be written. */
  logPath: string | null;
}

export type AttemptStatus = 'PASS' | 'FAIL' | 'TIMEOUT' | 'ERROR' | 'CANCELLED';
export type EngineReason =
  'exit_zero' | 'exit_nonzero' | 'killed_by_signal' | 'deadline_exceeded' | 'spawn_failed' | 'cancelled';

export interface AttemptResult {
  attempt: number;
  status: AttemptStatus;
  reason: EngineReason;
  /** Exit code; 128+n when killed by signal n; null when it never started. */
  exitCode: number | null;
  signal: string | null;
  durationMs: number;
  startedAt: string;
  finishedAt: string;
  stdout: StreamCapture;
  stderr: StreamCapture;
  /**
   * Processes other than the command itself that were killed: everything left after it ended; at a deadline or
   * cancellation, the escapees (outside its process group: tracking id, cgroup) and group members still alive
   * at SIGKILL.
   */
  orphansKilled: number;
  /** EPERM and the like while killing: recorded, never thrown. */
  killErrors: string[];
  /** Spawn failure or kill trouble, in one human sentence; null when there is nothing to say. */
  errorMessage: string | null;
  /** What the attempt ran in; `process-group` also when it never started. */
  containment: ContainmentUsed;
}

export interface SmokeRun {
  status: AttemptStatus;
  reason: EngineReason;
  /** One human sentence. */
  message: string;
  attempts: AttemptResult[];
  /** The last attempt: its streams are the ones reported. */
  final: AttemptResult;
  /** A pass after at least one failed attempt. */
  flaky: boolean;
  orphansKilled: number;
  startedAt: string;
  finishedAt: string;
  /** Sum of the attempts' durations. */
  durationMs: number;
  /** The final attempt's containment. */
  containment: ContainmentUsed;
}

export interface RunOptions {
  /** Aborting kills the process group (SIGTERM, short grace, SIGKILL, sweep) and yields CANCELLED. */
  signal?: AbortSignal;
}
