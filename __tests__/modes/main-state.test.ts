// The gate's decision over a base branch's commits and their statuses: pure, no mocks.
import { describe, expect, it } from '@jest/globals';
import type { CommitState, GateCommit } from '../../src/adapters/github.js';
import {
  bypassReason,
  decideGate,
  firstParentChain,
  mainHealth,
  type GatePull,
} from '../../src/modes/stages/main-state.js';

const sha = (n: number, side = 'a') => `${side}${String(n).padStart(39, '0')}`;

/** A linear history, newest first: states[0] is the head. null: no status on that commit. */
function linear(states: (CommitState | null)[]): GateCommit[] {
  return states.map((state, i) => ({
    sha: sha(states.length - i),
    firstParent: i + 1 < states.length ? sha(states.length - i - 1) : null,
    subject: `commit ${states.length - i}`,
    pull: { number: 100 + states.length - i, title: `change ${states.length - i}` },
    status: state
      ? { state, targetUrl: `https://github.com/o/r/actions/runs/${states.length - i}`, createdAt: null }
      : null,
  }));
}

const question = (pull: GatePull | null = null) => ({
  base: 'main',
  context: 'post-merge-smoke',
  pull,
  bypassLabel: 'smoke-fix',
});

describe('mainHealth', () => {
  it('green when the newest final status is a success', () => {
    const h = mainHealth(linear(['success', 'failure', 'failure']));
    expect(h).toMatchObject({ state: 'green', redSince: null, undecidedNewer: 0, examined: 3 });
    expect(h.decidedBy?.sha).toBe(sha(3));
  });

  it('a pending smoke (or none) on the newest commits does not decide: the older final one does', () => {
    const h = mainHealth(linear(['pending', null, 'success', 'failure']));
    expect(h).toMatchObject({ state: 'green', undecidedNewer: 2 });
    expect(h.decidedBy?.sha).toBe(sha(2));
    expect(mainHealth(linear(['pending', 'failure', 'success'])).state).toBe('red');
  });

  it('red since the oldest commit of the newest run of final failures, skipping commits without one', () => {
    // head: pending, failure (5), none (4), error (3), success (2), failure (1)
    const h = mainHealth(linear(['pending', 'failure', null, 'error', 'success', 'failure']));
    expect(h.state).toBe('red');
    expect(h.redSince?.sha).toBe(sha(3));
    expect(h.decidedBy?.sha).toBe(sha(5));
    expect(h).toMatchObject({ failing: 2, streakOpen: false });
  });

  it('a streak with no success before it is open: it may begin before the commits read', () => {
    const h = mainHealth(linear(['failure', 'failure', null]));
    expect(h).toMatchObject({ state: 'red', failing: 2, streakOpen: true });
    expect(h.redSince?.sha).toBe(sha(2));
  });

  it('unknown when no commit has a final status, or there are no commits', () => {
    expect(mainHealth(linear(['pending', null, 'pending']))).toMatchObject({ state: 'unknown', examined: 3 });
    expect(mainHealth([])).toMatchObject({ state: 'unknown', examined: 0, decidedBy: null });
  });

  it('follows first parents only: the commits a merge brought in do not count', () => {
    // main: M (merge of side into 1) → 1. The side commit S failed; git log lists it between M and 1.
    const side: GateCommit = {
      sha: sha(9, 'b'),
      firstParent: sha(1),
      subject: 'side work',
      pull: null,
      status: { state: 'failure', targetUrl: null, createdAt: null },
    };
    const [one] = linear(['success']);
    const merge: GateCommit = {
      ...one!,
      sha: sha(2),
      firstParent: one!.sha,
      status: null,
      subject: 'Merge',
    };
    expect(firstParentChain([merge, side, one!]).map((c) => c.subject)).toEqual(['Merge', 'commit 1']);
    expect(mainHealth([merge, side, one!]).state).toBe('green');
  });

  it('a parent cycle in a broken answer cannot loop forever', () => {
    const [a, b] = linear(['failure', 'failure']);
    const cyclic = [a!, { ...b!, firstParent: a!.sha }];
    expect(firstParentChain(cyclic)).toHaveLength(2);
  });
});

describe('decideGate', () => {
  const red = mainHealth(linear(['failure', 'failure', 'success']));

  it('green passes', () => {
    const d = decideGate(mainHealth(linear(['success'])), question());
    expect(d).toMatchObject({
      status: 'PASS',
      reason: 'main_green',
      mainState: 'green',
      redSince: null,
      bypassed: false,
    });
    expect(d.message).toBe("'main' is green: a000000 carries a successful 'post-merge-smoke' status.");
  });

  it('unknown passes, saying so', () => {
    const d = decideGate(mainHealth(linear(['pending'])), question());
    expect(d).toMatchObject({
      status: 'PASS',
      reason: 'main_unknown',
      mainState: 'unknown',
      bypassed: false,
    });
    expect(d.message).toContain(
      "No commit among the last 1 first-parent commits of 'main' carries a final 'post-merge-smoke' status",
    );
  });

  it('red fails, naming the first failing commit of the streak, its PR and its run', () => {
    const d = decideGate(red, question({ number: 7, title: 'Add a widget', labels: ['enhancement'] }));
    expect(d).toMatchObject({
      status: 'FAIL',
      reason: 'main_red',
      mainState: 'red',
      redSince: sha(2),
      bypassed: false,
    });
    expect(d.message).toContain(
      `'main' is red since a000000 (PR #102 "change 2", run https://github.com/o/r/actions/runs/2)`,
    );
    expect(d.message).toContain('2 commits of the streak failed');
    expect(d.message).toContain("the label 'smoke-fix'");
  });

  it('red passes for a PR with the bypass label (any case) or a revert title, as bypassed', () => {
    const labelled = decideGate(red, question({ number: 7, title: 'Fix the smoke', labels: ['Smoke-Fix'] }));
    expect(labelled).toMatchObject({
      status: 'PASS',
      reason: 'bypassed',
      mainState: 'red',
      redSince: sha(2),
      bypassed: true,
    });
    expect(labelled.message).toContain("PR #7 carries the label 'smoke-fix': it passes as a fix.");
    const revert = decideGate(red, question({ number: 8, title: 'Revert "Add a widget"', labels: [] }));
    expect(revert).toMatchObject({ status: 'PASS', reason: 'bypassed', bypassed: true });
    expect(revert.message).toContain('PR #8 is a revert (Revert "Add a widget")');
  });

  it('nothing is bypassed while the base branch is not red', () => {
    const fix = { number: 7, title: 'Revert "x"', labels: ['smoke-fix'] };
    expect(decideGate(mainHealth(linear(['success'])), question(fix)).bypassed).toBe(false);
  });
});

describe('bypassReason', () => {
  it('needs the exact label or the revert prefix; an empty label name bypasses nothing', () => {
    const pull = (title: string, labels: string[]) => ({ number: 1, title, labels });
    expect(bypassReason(pull('Reverts the widget', ['smoke-fixes']), 'smoke-fix')).toBeNull();
    expect(bypassReason(pull('revert "x"', []), 'smoke-fix')).toBeNull();
    expect(bypassReason(pull('x', ['']), '')).toBeNull();
    expect(bypassReason(null, 'smoke-fix')).toBeNull();
  });
});
