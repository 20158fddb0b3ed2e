import { describe, expect, it } from '@jest/globals';
import { mustParse, parseProfileName, parseTaskId } from '../../src/domain/index.js';
import { ConfigError, knownProfiles, parseRegistry } from '../../src/resolve/index.js';

const profile = (name: string) => mustParse(parseProfileName, name);
const task = (id: string) => mustParse(parseTaskId, id);

const FILE = '.github/post-merge-smoke.yml';

// The example of SPEC §6, verbatim.
const SPEC_EXAMPLE = `version: 1
defaults: { timeout-seconds: 600, shell: bash }
profiles:
  api: { command: npm run smoke:api, timeout-seconds: 300, working-directory: services/api }
  full: { command: make smoke }
tasks:
  task-2512: api                      # task id → profile
  task-2511: { command: pytest tests/smoke -q }
default: full                         # optional
`;

function registryError(text: string): ConfigError {
  try {
    parseRegistry(text, FILE);
  } catch (e) {
    expect(e).toBeInstanceOf(ConfigError);
    return e as ConfigError;
  }
  throw new Error('expected a ConfigError');
}

describe('parseRegistry', () => {
  it('reads the SPEC §6 example', () => {
    const r = parseRegistry(SPEC_EXAMPLE, FILE);
    expect(r.present).toBe(true);
    expect(r.defaults).toEqual({ timeoutSeconds: 600, shell: 'bash', workingDirectory: null });
    expect(r.profiles.get(profile('api'))).toEqual({
      command: 'npm run smoke:api',
      options: { timeoutSeconds: 300, shell: null, workingDirectory: 'services/api' },
      paths: [],
      always: false,
      line: 4,
    });
    expect(r.fanOut).toBeNull();
    expect(r.profiles.get(profile('full'))?.command).toBe('make smoke');
    expect(r.tasks.get(task('task-2512'))).toEqual({ kind: 'profile', profile: 'api', line: 7 });
    expect(r.tasks.get(task('task-2511'))).toMatchObject({
      kind: 'command',
      command: 'pytest tests/smoke -q',
      line: 8,
    });
    expect(r.defaultProfile).toEqual({ profile: 'full', line: 9 });
    expect(knownProfiles(r)).toEqual(['api', 'full']);
  });

  it('accepts a minimal registry and multi-line commands', () => {
    const r = parseRegistry(
      'version: 1\nprofiles:\n  s:\n    command: |\n      make a\n      make b\n',
      FILE,
    );
    expect(r.profiles.get(profile('s'))?.command).toBe('make a\nmake b');
    expect(r.defaultProfile).toBeNull();
    expect(r.tasks.size).toBe(0);
  });

  it('accepts a shell template containing {0}', () => {
    const r = parseRegistry("version: 1\ndefaults:\n  shell: 'bash -x {0}'\n", FILE);
    expect(r.defaults.shell).toBe('bash -x {0}');
  });

  it('requires version: 1', () => {
    expect(registryError('profiles: {}\n').detail).toMatch(/'version: 1' is missing/);
    const v2 = registryError('version: 2\n');
    expect(v2.line).toBe(1);
    expect(v2.detail).toMatch(/unsupported registry version the number 2/);
    expect(registryError("version: '1'\n").detail).toMatch(/unsupported registry version/);
    expect(registryError('').detail).toMatch(/is empty/);
  });

  it('names an unknown key and its line', () => {
    const top = registryError('version: 1\nprofile:\n  a: { command: x }\n');
    expect(top.line).toBe(2);
    expect(top.message).toMatch(/^\.github\/post-merge-smoke\.yml line 2, column 1: unknown key 'profile'/);
    expect(top.detail).toMatch(/accepted keys: version, defaults, profiles, tasks, default, fan-out\./);
    const inner = registryError('version: 1\nprofiles:\n  a:\n    command: x\n    timeout: 5\n');
    expect(inner.line).toBe(5);
    expect(inner.detail).toMatch(/unknown key 'timeout' in profile 'a'/);
    expect(registryError('version: 1\ndefaults: { command: x }\n').detail).toMatch(/unknown key 'command'/);
  });

  it('validates timeout-seconds', () => {
    for (const bad of ['0', '-5', "'10'", '.inf', 'true', '99999999999']) {
      const e = registryError(`version: 1\nprofiles:\n  a:\n    command: x\n    timeout-seconds: ${bad}\n`);
      expect(e.line).toBe(5);
      expect(e.detail).toMatch(/'timeout-seconds' of profile 'a' must be a number of seconds greater than 0/);
    }
    expect(
      parseRegistry('version: 1\ndefaults: { timeout-seconds: 2.5 }\n', FILE).defaults.timeoutSeconds,
    ).toBe(2.5);
  });

  it('validates shell', () => {
    const e = registryError('version: 1\ndefaults:\n  shell: zsh\n');
    expect(e.line).toBe(3);
    expect(e.detail).toMatch(/one of bash, sh, pwsh, python, cmd or a command template containing \{0\}/);
  });

  it('validates working-directory', () => {
    for (const bad of ['../outside', '/abs', 'a/../../b', 'C:\\\\x']) {
      const e = registryError(`version: 1\ndefaults:\n  working-directory: "${bad}"\n`);
      expect(e.line).toBe(3);
      expect(e.detail).toMatch(/working-directory/);
    }
  });

  it('validates commands and profile entries', () => {
    expect(registryError('version: 1\nprofiles:\n  a: { shell: sh }\n').detail).toMatch(
      /profile 'a' has no 'command'/,
    );
    expect(registryError("version: 1\nprofiles:\n  a: { command: '  ' }\n").detail).toMatch(/is empty/);
    expect(registryError('version: 1\nprofiles:\n  a: { command: [x] }\n').detail).toMatch(
      /must be a string/,
    );
    expect(registryError('version: 1\nprofiles:\n  a: make\n').detail).toMatch(/must be a mapping/);
    expect(registryError('version: 1\nprofiles:\n  "bad name": { command: x }\n').line).toBe(3);
    expect(registryError('version: 1\nprofiles: [a]\n').detail).toMatch(
      /'profiles' must be a mapping, not a list/,
    );
  });

  it('validates task mappings', () => {
    expect(registryError('version: 1\ntasks:\n  task-1: 5\n').detail).toMatch(
      /task 'task-1' must map to a profile name or to \{ command: … \}/,
    );
    expect(registryError('version: 1\ntasks:\n  "../x": api\n').detail).toMatch(/task id '\.\.\/x'/);
    expect(registryError('version: 1\ntasks:\n  task-1: { profile: api }\n').detail).toMatch(
      /unknown key 'profile' in task 'task-1'/,
    );
  });

  it('does not check at parse time that mapped profiles exist (reported when used)', () => {
    const r = parseRegistry('version: 1\ntasks:\n  task-1: ghost\ndefault: phantom\n', FILE);
    expect(r.tasks.get(task('task-1'))).toMatchObject({ kind: 'profile', profile: 'ghost' });
    expect(r.defaultProfile?.profile).toBe('phantom');
  });

  it('treats explicit nulls as absent', () => {
    const r = parseRegistry('version: 1\ndefaults:\nprofiles: ~\ntasks:\ndefault:\n', FILE);
    expect(r.profiles.size).toBe(0);
    expect(r.defaultProfile).toBeNull();
  });

  it('keeps __proto__ and friends as plain names', () => {
    const r = parseRegistry('version: 1\nprofiles:\n  constructor: { command: x }\n', FILE);
    expect(r.profiles.get(profile('constructor'))?.command).toBe('x');
    expect(r.profiles.get(profile('toString'))).toBeUndefined();
  });

  describe('fan-out (SPEC-v2 §5): paths, always, fan-out', () => {
    const FANOUT = `version: 1
fan-out: paths
profiles:
  api:
    command: npm run smoke:api
    paths:
      - 'services/api/**'
      - '!**/*.md'
  web: { command: npm run smoke:web, paths: ['web/**'], always: false }
  deps: { command: make deps, always: true }
`;

    it('reads globs, always and the top-level fan-out', () => {
      const r = parseRegistry(FANOUT, FILE);
      expect(r.fanOut).toBe('paths');
      const api = r.profiles.get(profile('api'))!;
      expect(api.paths.map((g) => g.source)).toEqual(['services/api/**', '!**/*.md']);
      expect(api.always).toBe(false);
      expect(r.profiles.get(profile('deps'))).toMatchObject({ paths: [], always: true });
      expect([...r.profiles.keys()]).toEqual(['api', 'web', 'deps']);
      expect(parseRegistry('version: 1\nfan-out: none\n', FILE).fanOut).toBe('none');
    });

    it('checks every glob at parse time, on its own line', () => {
      const bad = registryError(
        "version: 1\nprofiles:\n  a:\n    command: x\n    paths:\n      - ok/**\n      - '/abs/**'\n",
      );
      expect(bad.line).toBe(7);
      expect(bad.detail).toBe(
        "glob '/abs/**' in 'paths' of profile 'a' starts with '/'; globs are relative to the repository root.",
      );
      const bracket = registryError("version: 1\nprofiles:\n  a: { command: x, paths: ['src/[a-'] }\n");
      expect(bracket.line).toBe(3);
      expect(bracket.detail).toMatch(/glob 'src\/\[a-' in 'paths' of profile 'a' is not a valid glob/);
      expect(registryError('version: 1\nprofiles:\n  a: { command: x, paths: [a/!(b)] }\n').detail).toMatch(
        /extglob negation/,
      );
    });

    it('refuses paths that are not a list of globs, or that can select nothing', () => {
      expect(registryError("version: 1\nprofiles:\n  a: { command: x, paths: 'src/**' }\n").detail).toBe(
        "'paths' of profile 'a' must be a list of globs (paths: ['src/**']), not the string 'src/**'.",
      );
      expect(registryError('version: 1\nprofiles:\n  a: { command: x, paths: [5] }\n').detail).toMatch(
        /each entry of 'paths' of profile 'a' must be a glob \(a string\), not the number 5/,
      );
      expect(registryError('version: 1\nprofiles:\n  a: { command: x, paths: [] }\n').detail).toMatch(
        /'paths' of profile 'a' is empty/,
      );
      expect(
        registryError("version: 1\nprofiles:\n  a: { command: x, paths: ['!docs/**'] }\n").detail,
      ).toMatch(/only negated globs, so it selects nothing/);
    });

    it('refuses always and fan-out values it does not know', () => {
      const always = registryError("version: 1\nprofiles:\n  a: { command: x, always: 'yes' }\n");
      expect(always.detail).toBe("'always' of profile 'a' must be true or false, not the string 'yes'.");
      const fanOut = registryError('version: 1\nfan-out: path\n');
      expect(fanOut.line).toBe(2);
      expect(fanOut.detail).toBe("'fan-out' must be one of none, paths, not the string 'path'.");
    });

    it('offers paths and always only to profiles, with a near miss', () => {
      expect(registryError('version: 1\nprofiles:\n  a: { command: x, path: [a] }\n').detail).toMatch(
        /unknown key 'path' in profile 'a'; accepted keys: command, timeout-seconds, shell, working-directory, paths, always\. Did you mean 'paths'\?/,
      );
      expect(registryError('version: 1\ntasks:\n  task-1: { command: x, paths: [a] }\n').detail).toMatch(
        /unknown key 'paths' in task 'task-1'/,
      );
      expect(registryError('version: 1\nfanout: paths\n').detail).toMatch(/Did you mean 'fan-out'\?/);
    });
  });
});
