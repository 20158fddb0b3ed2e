// Which profiles a fan-out plans, and the matrix a workflow gets: pure, on a parsed registry.
import { DEFAULT_PROFILE } from '../../src/domain/index.js';
import { describe, expect, it } from '@jest/globals';
import { mapWithLimit, matrixJson, precedenceShard, selectByPaths } from '../../src/fanout/index.js';
import { parseRegistry } from '../../src/resolve/index.js';

const REGISTRY = `version: 1
fan-out: paths
profiles:
  api: { command: make api, paths: ['services/api/**', 'packages/shared/**', '!**/*.md'] }
  web: { command: make web, paths: ['web/**', 'packages/shared/**'] }
  worker: { command: make worker, paths: ['services/worker/**'] }
  deps: { command: make deps, always: true }
  full: { command: make full }
`;
const profiles = parseRegistry(REGISTRY, '.github/post-merge-smoke.yml').profiles;

describe('selectByPaths', () => {
  it('plans the profiles whose paths match a changed file, plus the always ones, in registry order', () => {
    expect(selectByPaths(profiles, ['web/index.ts', 'services/worker/job.ts'])).toEqual([
      { profile: 'web', input: 'web', why: 'web/index.ts matches web/**' },
      { profile: 'worker', input: 'worker', why: 'services/worker/job.ts matches services/worker/**' },
      { profile: 'deps', input: 'deps', why: 'always: true' },
    ]);
  });

  it('one shared file selects every profile that lists it', () => {
    const planned = selectByPaths(profiles, ['packages/shared/util.ts']).map((s) => s.profile);
    expect(planned).toEqual(['api', 'web', 'deps']);
  });

  it('a negated glob takes files back out; a profile without paths or always is never selected', () => {
    expect(selectByPaths(profiles, ['services/api/README.md']).map((s) => s.profile)).toEqual(['deps']);
    expect(selectByPaths(profiles, ['services/api/README.md', 'services/api/main.ts'])[0]).toEqual({
      profile: 'api',
      input: 'api',
      why: 'services/api/main.ts matches services/api/**',
    });
  });

  it('no changed file and no always profile: nothing planned, an empty matrix', () => {
    const noAlways = new Map([...profiles].filter(([name]) => name !== 'deps'));
    expect(selectByPaths(noAlways, ['docs/index.md'])).toEqual([]);
    expect(selectByPaths(noAlways, [])).toEqual([]);
    expect(matrixJson([])).toBe('{"include":[]}');
  });
});

describe('the matrix', () => {
  it('is JSON for strategy.matrix, one row per shard with the profile input of its run job', () => {
    const planned = selectByPaths(profiles, ['web/a.ts']);
    expect(JSON.parse(matrixJson(planned))).toEqual({ include: [{ profile: 'web' }, { profile: 'deps' }] });
  });

  it('without fan-out: the profile the precedence resolved, or `default` whose run job names none', () => {
    expect(precedenceShard('api', 'Smoke-Profile trailer')).toEqual({
      profile: 'api',
      input: 'api',
      why: 'Smoke-Profile trailer',
    });
    const explicit = precedenceShard(null, "the 'smoke-command' input");
    expect(explicit).toEqual({ profile: DEFAULT_PROFILE, input: '', why: "the 'smoke-command' input" });
    expect(matrixJson([explicit])).toBe('{"include":[{"profile":""}]}');
    // A registry profile that happens to be called `default` is run as that profile.
    expect(matrixJson([precedenceShard('default', 'registry default')])).toBe(
      '{"include":[{"profile":"default"}]}',
    );
  });
});

describe('mapWithLimit', () => {
  it('never runs more than the limit at once, starts the next as soon as one ends, keeps item order', async () => {
    let running = 0;
    let peak = 0;
    const release: Array<() => void> = [];
    const started: number[] = [];
    const done = mapWithLimit([0, 1, 2, 3, 4], 2, async (item) => {
      started.push(item);
      running++;
      peak = Math.max(peak, running);
      await new Promise<void>((r) => release.push(r));
      running--;
      return item * 10;
    });
    const settle = () => new Promise((r) => setImmediate(r));
    await settle();
    expect(started).toEqual([0, 1]);
    release.shift()!();
    await settle();
    expect(started).toEqual([0, 1, 2]);
    while (release.length > 0) {
      release.shift()!();
      await settle();
    }
    expect(await done).toEqual([0, 10, 20, 30, 40]);
    expect(peak).toBe(2);
  });

  it('handles a limit above the item count, and no items', async () => {
    expect(await mapWithLimit([1, 2], 8, async (x) => x + 1)).toEqual([2, 3]);
    expect(await mapWithLimit([], 3, async (x) => x)).toEqual([]);
  });
});
