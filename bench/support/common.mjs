// What every benchmark needs: medians, rounding, and git run with a fixed identity (bench/run.mjs runs only
// the files directly in bench/, so this folder is not a benchmark of its own).
import { execFileSync } from 'node:child_process';

export const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

export const round = (x, d = 1) => Math.round(x * 10 ** d) / 10 ** d;

/** git in `cwd`, committing as `committer` (by default a person, not GitHub's web merge); trimmed stdout. */
export function git(cwd, args, committer = { name: 'b', email: 'b@b' }) {
  return execFileSync('git', args, {
    cwd,
    encoding: 'utf8',
    env: {
      ...process.env,
      GIT_AUTHOR_NAME: 'b',
      GIT_AUTHOR_EMAIL: 'b@b',
      GIT_COMMITTER_NAME: committer.name,
      GIT_COMMITTER_EMAIL: committer.email,
    },
  }).trim();
}
