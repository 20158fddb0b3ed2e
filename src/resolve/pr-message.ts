// The pull request a merge commit's message names (SPEC §6 "PR discovery", first step), and how it names
// it, so that every note about it says the same thing:
//   - the merge-commit subject   `Merge pull request #123 from owner/branch` (anywhere in the subject);
//   - the squash subject         `Title (#123)` (the last `(#n)` of the subject);
//   - a trailer line             `PR: #123`, `PR-URL: https://<host>/<owner>/<repo>/pull/123` (npm/cli,
//     Node.js), `Pull-Request: …` / `Pull-Request-URL: …`, `Reviewed-on: https://…/pull/123`, or
//     `GitHub-Pull-Request: owner/repo#123` (Go's Gerrit bridge).
// The subject wins over the trailers. A revert's subject quotes the reverted commit's subject
// (`Revert "Title (#12)" (#13)`): a number inside the quotes is the reverted PR's, never this commit's.
// A trailer that names another repository (a commit cherry-picked from upstream) is not this repository's PR.
import { parsePrNumber, type PrNumber } from '../domain/index.js';

export type PrReferenceVia =
  | 'merge subject'
  | 'squash subject'
  | 'PR trailer'
  | 'PR-URL trailer'
  | 'Pull-Request trailer'
  | 'Pull-Request-URL trailer'
  | 'Reviewed-on trailer'
  | 'GitHub-Pull-Request trailer';

export interface PrReference {
  number: PrNumber;
  via: PrReferenceVia;
}

/** The trailer keys that name a PR, and the value forms each accepts. */
const TRAILERS: ReadonlyArray<{ key: string; forms: ReadonlyArray<'#n' | 'url' | 'repo#n'> }> = [
  { key: 'PR', forms: ['#n', 'url', 'repo#n'] },
  { key: 'PR-URL', forms: ['url'] },
  { key: 'Pull-Request', forms: ['#n', 'url', 'repo#n'] },
  { key: 'Pull-Request-URL', forms: ['url'] },
  { key: 'Reviewed-on', forms: ['url'] },
  { key: 'GitHub-Pull-Request', forms: ['repo#n'] },
];

const TRAILER_LINE = /^[ \t]*([A-Za-z][A-Za-z-]*)[ \t]*:[ \t]*(.*?)[ \t]*$/;
const VALUE_FORMS = {
  '#n': /^#(\d+)$/,
  url: /^<?[a-z][a-z0-9+.-]*:\/\/[^/\s]+\/([^/\s]+\/[^/\s]+)\/pull\/(\d+)(?:[/?#][^\s>]*)?>?$/i,
  'repo#n': /^([A-Za-z0-9_.-]+\/[A-Za-z0-9_.-]+)#(\d+)$/,
} as const;

/**
 * The PR the message names and how, or null. `repository` ('owner/name'): trailers naming another
 * repository are skipped; null when unknown (then any repository counts).
 */
export function prNumberFromCommitMessage(
  message: string,
  repository: string | null = null,
): PrReference | null {
  const [subject = '', ...body] = message.replace(/\r\n?/g, '\n').split('\n');
  return fromSubject(ownSubject(subject.trim())) ?? fromTrailers(body, repository);
}

/** "PR #123 is named in the commit message of <sha> (squash subject)." */
export function prReferenceNote(ref: PrReference, sha: string): string {
  return `PR #${ref.number} is named in the commit message of ${sha} (${ref.via}).`;
}

/** The part of the subject that is this commit's own: a revert's quoted subject is left out. */
function ownSubject(subject: string): string {
  const revert = /^(?:Revert|Reapply) "(.*)"(.*)$/.exec(subject);
  return revert ? revert[2]! : subject;
}

function fromSubject(subject: string): PrReference | null {
  const merge = /\bMerge pull request #(\d+)\b/.exec(subject);
  const fromMerge = merge ? reference(merge[1]!, 'merge subject') : null;
  if (fromMerge) return fromMerge;
  const squash = [...subject.matchAll(/\(#(\d+)\)/g)].pop();
  return squash ? reference(squash[1]!, 'squash subject') : null;
}

/** The first trailer line of the body that names a PR of `repository`. */
function fromTrailers(body: readonly string[], repository: string | null): PrReference | null {
  for (const line of body) {
    const m = TRAILER_LINE.exec(line);
    const trailer = m && TRAILERS.find((t) => t.key.toLowerCase() === m[1]!.toLowerCase());
    if (!trailer) continue;
    for (const form of trailer.forms) {
      const v = VALUE_FORMS[form].exec(m[2]!);
      if (!v) continue;
      const [named, digits] = form === '#n' ? [null, v[1]!] : [v[1]!, v[2]!];
      if (named !== null && repository !== null && named.toLowerCase() !== repository.toLowerCase()) continue;
      const found = reference(digits, `${trailer.key} trailer` as PrReferenceVia);
      if (found) return found;
    }
  }
  return null;
}

function reference(digits: string, via: PrReferenceVia): PrReference | null {
  const n = parsePrNumber(digits);
  return n.ok ? { number: n.value, via } : null;
}
