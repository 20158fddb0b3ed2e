// A revision → the commit it names, telling "no such commit" from "a short SHA more than one commit starts
// with" (git answers both with the same exit code; `--disambiguate` lists what a prefix could mean).
import { parseSha, type Sha } from '../../domain/index.js';
import { failureOf } from './output.js';
import type { GitRunResult } from './transport.js';
import type { CommitCandidate, CommitLookup, GitCallOptions } from './vocabulary.js';

type Run = (args: readonly string[], o: GitCallOptions) => Promise<GitRunResult>;

/** git's shortest abbreviation is 4 hex digits; a full SHA is never ambiguous. */
const SHORT_SHA = /^[0-9a-fA-F]{4,39}$/;
/** Candidates examined (one git call each); a prefix shared by more is listed as "and N more". */
const MAX_CANDIDATES = 10;

export async function revParseCommit(run: Run, rev: string, o: GitCallOptions): Promise<CommitLookup> {
  // eslint-disable-next-line no-control-regex -- control characters never belong in a revision
  if (rev === '' || rev.startsWith('-') || /[\s\x00-\x1f\x7f]/.test(rev)) {
    return { kind: 'failed', failure: { kind: 'refused', message: `'${rev}' is not a revision` } };
  }
  const r = await run(['rev-parse', '--verify', '--quiet', '--end-of-options', `${rev}^{commit}`], o);
  const sha = parseSha(r.stdout.trim());
  if (r.exitCode === 0 && sha.ok) return { kind: 'found', sha: sha.value };
  if (r.exitCode !== 1) return { kind: 'failed', failure: failureOf(r, `git rev-parse ${rev}`) };
  if (!SHORT_SHA.test(rev)) return { kind: 'missing' };
  const found = await commitsStartingWith(run, rev.toLowerCase(), o);
  if ('kind' in found) return found;
  return found.candidates.length > 1 ? { kind: 'ambiguous', ...found } : { kind: 'missing' };
}

async function commitsStartingWith(
  run: Run,
  prefix: string,
  o: GitCallOptions,
): Promise<{ candidates: CommitCandidate[]; unlisted: number } | CommitLookup> {
  const all = await run(['rev-parse', `--disambiguate=${prefix}`], o);
  if (all.exitCode !== 0) return { kind: 'failed', failure: failureOf(all, `git rev-parse ${prefix}`) };
  const oids = all.stdout.split('\n').filter((l) => parseSha(l.trim()).ok);
  const found: { oid: string; commit: Sha }[] = [];
  for (const oid of oids.slice(0, MAX_CANDIDATES)) {
    const peeled = await run(['rev-parse', '--verify', '--quiet', `${oid.trim()}^{commit}`], o);
    const commit = parseSha(peeled.stdout.trim());
    if (peeled.exitCode === 0 && commit.ok) found.push({ oid: oid.trim(), commit: commit.value });
  }
  const unlisted = Math.max(0, oids.length - MAX_CANDIDATES);
  if (found.length < 2)
    return { candidates: found.map((f) => ({ sha: f.commit, type: 'commit', summary: '' })), unlisted };
  const log = await run(
    ['log', '--no-walk=unsorted', '--format=%H %cs %s', ...found.map((f) => f.commit), '--'],
    o,
  );
  const summaries = new Map(log.stdout.split('\n').map((l) => [l.slice(0, 40), l.slice(41)] as const));
  const candidates = found.map((f) => ({
    sha: f.commit,
    type: f.oid === f.commit ? 'commit' : 'tag',
    summary: summaries.get(f.commit) ?? '',
  }));
  return { candidates, unlisted };
}
