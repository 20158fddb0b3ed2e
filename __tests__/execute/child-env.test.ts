// The child's environment: inputs, runner tokens and secret-valued variables dropped; the caller's extras added.
import { describe, expect, it } from '@jest/globals';
import { devNull } from 'node:os';
import {
  buildChildEnv,
  withTrackingId,
  OUTER_TRACKING_IDS_VARIABLE,
  TRACKING_ID_VARIABLE,
} from '../../src/execute/index.js';

const parent: NodeJS.ProcessEnv = {
  PATH: '/usr/bin',
  HOME: '/home/runner',
  INPUT_GITHUB_TOKEN: 'ghs_secret',
  'INPUT_SMOKE-COMMAND': 'make smoke',
  ACTIONS_RUNTIME_TOKEN: 'rt',
  ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'idt',
  ACTIONS_ID_TOKEN_REQUEST_URL: 'https://id',
  ACTIONS_RESULTS_URL: 'https://results',
  ACTIONS_RUNTIME_URL: 'https://runtime',
  ACTIONS_CACHE_URL: 'https://cache',
  GITHUB_TOKEN: 'ghs_x',
  GH_TOKEN: 'ghs_y',
  STATE_isPost: 'true',
  GITHUB_SHA: 'abc',
  MY_COPY_OF_TOKEN: 'ghs_secret',
  EMPTY: '',
};

describe('buildChildEnv', () => {
  it('drops inputs, runner tokens, saved state and secret-valued variables; adds extras', () => {
    const env = buildChildEnv(
      parent,
      { SMOKE_MERGE_COMMIT: 'abc', SMOKE_TASK_ID: 'task-1', SMOKE_PR_NUMBER: '7' },
      ['ghs_secret', ''],
      'linux',
    );
    expect(env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/runner',
      GITHUB_SHA: 'abc',
      EMPTY: '',
      SMOKE_MERGE_COMMIT: 'abc',
      SMOKE_TASK_ID: 'task-1',
      SMOKE_PR_NUMBER: '7',
    });
  });

  it('drops every variable whose value contains a secret, not only equals it (security item 4)', () => {
    const token = 'ghs_containedSecretValue0123';
    const env = buildChildEnv(
      {
        BUNDLE_GITHUB__COM: `x-access-token:${token}`,
        REPO_URL: `https://x-access-token:${token}@github.com/o/r.git`,
        GIT_CONFIG_VALUE_0: 'AUTHORIZATION: basic eC1hY2Nlc3MtdG9rZW46Z2hz',
        SHORT: 'abc',
        KEEP: 'nothing secret here',
      },
      {},
      [token, 'eC1hY2Nlc3MtdG9rZW46Z2hz', 'abc'],
      'linux',
    );
    // A value shorter than MIN_SECRET_LENGTH is no secret: it would drop unrelated variables.
    expect(env).toEqual({ SHORT: 'abc', KEEP: 'nothing secret here' });
  });

  it("points the runner's file commands at the null device (security item 6)", () => {
    const files = {
      GITHUB_OUTPUT: '/r/out',
      GITHUB_ENV: '/r/env',
      GITHUB_PATH: '/r/path',
      GITHUB_STATE: '/r/st',
    };
    const env = buildChildEnv({ ...files, GITHUB_STEP_SUMMARY: '/r/summary' }, {}, [], 'linux');
    expect(env).toEqual({
      GITHUB_OUTPUT: devNull,
      GITHUB_ENV: devNull,
      GITHUB_PATH: devNull,
      GITHUB_STATE: devNull,
      GITHUB_STEP_SUMMARY: '/r/summary',
    });
    // Absent ones stay absent (the CLI has none).
    expect(buildChildEnv({ PATH: '/bin' }, {}, [], 'linux')).toEqual({ PATH: '/bin' });
  });

  it('compares names case-insensitively on Windows', () => {
    const env = buildChildEnv(
      { Path: 'C:\\bin', input_foo: 'x', Actions_Runtime_Token: 't', smoke_task_id: 'old' },
      { SMOKE_TASK_ID: 'new' },
      [],
      'win32',
    );
    expect(env).toEqual({ Path: 'C:\\bin', SMOKE_TASK_ID: 'new' });
  });

  it('is case-sensitive elsewhere', () => {
    const env = buildChildEnv({ input_foo: 'x', github_token: 'lower' }, {}, [], 'linux');
    expect(env).toEqual({ input_foo: 'x', github_token: 'lower' });
  });

  it('does not modify the parent', () => {
    const copy = { ...parent };
    buildChildEnv(parent, { A: 'b' }, [], 'linux');
    expect(parent).toEqual(copy);
  });
});

describe('withTrackingId', () => {
  it('sets the tracking id', () => {
    expect(withTrackingId({ A: '1' }, 'new', 'linux')).toEqual({ A: '1', [TRACKING_ID_VARIABLE]: 'new' });
  });

  it('keeps the ids of enclosing runs so their sweeps still find nested processes', () => {
    const once = withTrackingId({ A: '1', [TRACKING_ID_VARIABLE]: 'outer' }, 'inner', 'linux');
    expect(once).toEqual({ A: '1', [OUTER_TRACKING_IDS_VARIABLE]: 'outer', [TRACKING_ID_VARIABLE]: 'inner' });
    expect(withTrackingId(once, 'innermost', 'linux')).toEqual({
      A: '1',
      [OUTER_TRACKING_IDS_VARIABLE]: 'outer,inner',
      [TRACKING_ID_VARIABLE]: 'innermost',
    });
    expect(withTrackingId({ post_merge_smoke_tracking_id: 'old' }, 'new', 'win32')).toEqual({
      [OUTER_TRACKING_IDS_VARIABLE]: 'old',
      [TRACKING_ID_VARIABLE]: 'new',
    });
  });
});
