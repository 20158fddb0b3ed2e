// Reading what git printed: one parser per output format, and one way to say why a call failed. Pure.
import { parseSha, type RepoPath, type Sha } from '../../domain/index.js';
import type { GitRunResult } from './transport.js';
import type { GitFailure, LogEntry, TreeEntryKind } from './vocabulary.js';

/**
 * What git said, in one line: the first `fatal:`/`error:` line (git often ends with advice such as "and the
 * repository exists."), else the last stderr line, else the exit code; no trailing period. A call that was
 * killed or never started says so instead.
 */
export function gitFailure(result: GitRunResult): string {
  if (result.spawnError !== null) return `cannot run git: ${result.spawnError}`;
  if (result.timedOut) return `git ${result.verb} timed out after ${seconds(result.timeoutMs)}`;
  if (result.aborted) return `git ${result.verb} was stopped before it finished`;
  const lines = result.stderr
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);
  const line = lines.find((l) => /^(fatal|error):/i.test(l)) ?? lines.pop() ?? `exit code ${result.exitCode}`;
  return line.replace(/[.\s]+$/, '');
}

/** The typed failure of a call that did not succeed; `what` names the operation (`git ls-remote origin`). */
export function failureOf(result: GitRunResult, what: string): GitFailure {
  if (result.spawnError !== null) return { kind: 'unavailable', message: gitFailure(result) };
  if (result.timedOut)
    return { kind: 'timeout', message: `${what} timed out after ${seconds(result.timeoutMs)}` };
  if (result.aborted) return { kind: 'aborted', message: `${what} was stopped before it finished` };
  return { kind: 'failed', message: `${what} failed: ${gitFailure(result)}` };
}

function seconds(ms: number): string {
  return ms % 1000 === 0 ? `${ms / 1000} s` : `${ms} ms`;
}

/** `<sha> TAB <ref>` lines → the SHA of exactly `ref`, or null. */
export function shaOfRef(lsRemote: string, ref: string): Sha | null {
  for (const line of lsRemote.split('\n')) {
    const [sha, name] = line.trim().split(/\s+/);
    const parsed = parseSha(sha ?? '');
    if (name === ref && parsed.ok) return parsed.value;
  }
  return null;
}

export interface LsTreeEntry {
  mode: string;
  type: string;
  oid: string;
  size: number | null;
  path: string;
}

/** `ls-tree -z -l`: `<mode> SP <type> SP <oid> SP+ <size|-> TAB <path>` NUL-separated. */
export function parseLsTree(stdout: string): LsTreeEntry[] {
  const entries: LsTreeEntry[] = [];
  for (const line of stdout.split('\0')) {
    const m = /^(\d{6}) (\w+) ([0-9a-f]+) +(\d+|-)\t([\s\S]*)$/.exec(line);
    if (m)
      entries.push({
        mode: m[1]!,
        type: m[2]!,
        oid: m[3]!,
        size: m[4] === '-' ? null : Number(m[4]),
        path: m[5]!,
      });
  }
  return entries;
}

export function entryKind(entry: LsTreeEntry): TreeEntryKind {
  if (entry.mode === '120000') return 'symlink';
  if (entry.type === 'tree') return 'directory';
  if (entry.type === 'commit') return 'submodule';
  return 'file';
}

/** `status --porcelain=v1 -z`: `XY SP path NUL`, renames and copies followed by `orig NUL`. */
export function parseStatusPaths(stdout: string): string[] {
  const fields = stdout.split('\0');
  const paths: string[] = [];
  for (let i = 0; i < fields.length; i++) {
    const field = fields[i]!;
    if (field.length < 4) continue;
    paths.push(field.slice(3));
    if (field[0] === 'R' || field[0] === 'C') i++; // the original path
  }
  return paths;
}

/** `-z` separated NUL path lists (diff-tree --name-only -z). */
export function parsePathList(stdout: string): RepoPath[] {
  return stdout.split('\0').filter((p) => p !== '') as RepoPath[];
}

/** The format `parseLog` reads: fields separated by US, the subject last, records NUL-separated (-z). */
export const LOG_FORMAT = '--format=%H%x1f%P%x1f%an%x1f%ae%x1f%aI%x1f%s';

export function parseLog(stdout: string): LogEntry[] {
  const entries: LogEntry[] = [];
  for (const record of stdout.split('\0')) {
    const [sha, parents, authorName, authorEmail, authoredAt, ...subject] = record
      .replace(/^\n/, '')
      .split('\x1f');
    const parsed = parseSha(sha ?? '');
    if (!parsed.ok || authoredAt === undefined) continue;
    entries.push({
      sha: parsed.value,
      parents: (parents ?? '').split(' ').flatMap((p) => {
        const s = parseSha(p);
        return s.ok ? [s.value] : [];
      }),
      subject: subject.join('\x1f'),
      authorName: authorName ?? '',
      authorEmail: authorEmail ?? '',
      authoredAt,
    });
  }
  return entries;
}
