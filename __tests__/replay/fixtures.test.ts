// Every replay fixture reproduces its expected result, twice in a row with identical results (SPEC §10).
import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { stableView } from '../../src/replay/compare.js';
import { loadFixture } from '../../src/replay/fixture.js';
import { platformSkip, replayFixture } from '../../src/replay/replay.js';
import { silentLog } from '../support/logs.js';

const root = join(process.cwd(), 'fixtures', 'replay');
const names = readdirSync(root).sort();

describe('replay fixtures', () => {
  it('cover the four seed cases and every failure status the spec names', () => {
    expect(names).toEqual(
      expect.arrayContaining([
        'task-2506',
        'task-2507',
        'task-2509',
        'task-2511',
        'fail-exit',
        'timeout-tree',
        'stale-superseded',
        'blocked-no-command',
        'blocked-pr-body-edited',
        'blocked-unknown-profile',
        'queue-pass',
        'queue-fail',
        'queue-superseded',
        'gate-green',
        'gate-red',
        'gate-red-bypass-label',
        'gate-red-revert',
        'gate-unknown',
      ]),
    );
    const statuses = names.map((n) => loadFixture(join(root, n)).fixture.expected.status);
    expect(new Set(statuses)).toEqual(new Set(['PASS', 'FAIL', 'TIMEOUT', 'STALE', 'BLOCKED', 'SKIPPED']));
  });

  describe.each(names)('%s', (name) => {
    const dir = join(root, name);
    const skip = platformSkip(loadFixture(dir));
    (skip ? it.skip : it)('replays to its expected result twice, identically', async () => {
      const first = await replayFixture(dir, { writeLive: () => {}, log: silentLog() });
      expect(first.differences).toEqual([]);
      const second = await replayFixture(dir, { writeLive: () => {}, log: silentLog() });
      expect(second.differences).toEqual([]);
      // Same fixture, same SHAs (fixed authors and dates), same result but for times and temp paths.
      expect(second.repos.mergeCommit).toBe(first.repos.mergeCommit);
      if (first.gate) {
        // A gate makes no SmokeResult: its verdict, outputs and cost are the same twice over.
        expect(second.gate).toEqual(first.gate);
        expect(second.outputs).toEqual(first.outputs);
        expect(first.outputs).toMatchObject({
          mode: 'gate',
          status: first.gate.status,
          result: '',
          'main-state': first.gate.main_state ?? '',
          'red-since': first.gate.red_since ?? '',
          bypassed: String(first.gate.bypassed),
        });
        return;
      }
      expect(stableView(second.result!, second.root)).toEqual(stableView(first.result!, first.root));
      // The job outputs carry the same result the pipeline returned.
      expect(JSON.parse(first.outputs.result!)).toEqual(first.result);
    });
  });

  it('streak-red-then-green leaves one closed issue: opened once, one comment per new failure, the recovery', async () => {
    const outcome = await replayFixture(join(root, 'streak-red-then-green'), {
      writeLive: () => {},
      log: silentLog(),
    });
    expect(outcome.steps.map((s) => s.result?.status)).toEqual(['PASS', 'FAIL', 'FAIL', 'FAIL', 'PASS']);
    const [issue, ...others] = outcome.health.issues;
    expect(others).toEqual([]);
    expect(issue).toMatchObject({ number: 1, state: 'closed', labels: ['post-merge-smoke'] });
    expect(issue!.title).toContain(outcome.steps[1]!.mergeCommit.slice(0, 7));
    expect(issue!.comments).toEqual([
      expect.stringMatching(/^<!-- post-merge-smoke:.*-->\nStill red\./),
      expect.stringContaining(`is green again: the smoke passed on`),
    ]);
    expect(issue!.comments[1]).toContain(outcome.steps[4]!.mergeCommit.slice(0, 7));
    // Every run posted its final status; the green ref only ever moved forward, to the PASSing merges.
    const final = outcome.health.statuses.filter((s) => s.state !== 'pending').map((s) => s.state);
    expect(final).toEqual(['success', 'failure', 'failure', 'failure', 'success']);
  });

  (process.platform === 'linux' ? it : it.skip)(
    'timeout-tree leaves no process of the tree alive',
    async () => {
      const outcome = await replayFixture(join(root, 'timeout-tree'), {
        writeLive: () => {},
        log: silentLog(),
        keep: true,
      });
      try {
        expect(outcome.result?.status).toBe('TIMEOUT');
        const pids = readFileSync(join(outcome.repos.work, 'smoke-pids.txt'), 'utf8')
          .trim()
          .split('\n')
          .map(Number);
        expect(pids.length).toBe(4); // trapper, setsid daemon, double-forked sleeper, the script itself
        const alive = pids.filter((pid) => {
          try {
            const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
            return !/^\d+ \(.*\) Z/.test(stat); // a zombie is dead, only not yet reaped by its (dead) parent's reaper
          } catch {
            return false;
          }
        });
        expect(alive).toEqual([]);
      } finally {
        rmSync(outcome.root, { recursive: true, force: true });
      }
    },
  );
});
