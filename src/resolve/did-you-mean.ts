// "Did you mean …?" for configuration keys: a key compared with the keys accepted at its place, after
// normalising what people mix up (case, '-' / '_' / ' '), then by edit distance.

/** Lower case, without '-', '_' and spaces: `Smoke-Command` and `smoke_command` are the same key. */
function normalise(key: string): string {
  return key.toLowerCase().replace(/[-_\s]/g, '');
}

/**
 * The accepted key `key` most likely meant, or null. `strict` (for a key that would otherwise be ignored,
 * so a match turns it into an error) accepts only a normalised match or one or two typos in a long key;
 * otherwise (a hint for what is already an error) a typo in a short name (`fulll` → `full`) and a leading
 * part (`timeout` → `timeout-seconds`) count too.
 */
export function nearMiss(key: string, accepted: readonly string[], strict = false): string | null {
  const wanted = normalise(key);
  let best: { key: string; distance: number } | null = null;
  for (const candidate of accepted) {
    if (candidate === key) continue;
    const norm = normalise(candidate);
    if (norm === wanted) return candidate;
    const distance = editDistance(wanted, norm);
    const allowed = strict ? (norm.length >= 10 ? 2 : norm.length >= 5 ? 1 : 0) : norm.length >= 8 ? 2 : 1;
    const prefix = !strict && wanted.length >= 4 && norm.startsWith(wanted);
    if ((distance <= allowed || prefix) && (best === null || distance < best.distance)) {
      best = { key: candidate, distance };
    }
  }
  return best?.key ?? null;
}

/** "Did you mean 'x'?" or undefined. */
export function didYouMean(key: string, accepted: readonly string[]): string | undefined {
  const meant = nearMiss(key, accepted);
  return meant === null ? undefined : `Did you mean '${meant}'?`;
}

/** Optimal string alignment distance: insertions, deletions, substitutions and adjacent swaps. */
function editDistance(a: string, b: string): number {
  if (Math.abs(a.length - b.length) > 3) return Math.abs(a.length - b.length);
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [
    i,
    ...Array<number>(b.length).fill(0),
  ]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}
