import { describe, expect, it } from '@jest/globals';
import { Redactor, REDACTED } from '../../src/sinks/index.js';
import { pattern } from '../support/pattern.js';

const none = () => new Redactor({ secrets: [], patterns: [] });
const alnum = (n: number) => 'aB3'.repeat(Math.ceil(n / 3)).slice(0, n);

const KEY_BODY = [
  'MIIEowIBAAKCAQEAu1SU1LfVLPHCozMxH2Mo4lgOEePzNm0tRgeLezV6ffAt0gun',
  'VTLw7onLRnrq0/IzW7yWR7QkrmBL7jTKEn5u+qKhbwKfBstIs+bMY2Zkp18gnTxK',
  'LxoS2tFczGkPLPgizskuemMghRniWaoLcyehkd3qqGElvW/VDL5AaWTg0nLVkjRo',
  '9z+40RQzuVaE8AkAFmxZzow3x+VJYKdjykkJ0iT9wCS0DRTXu269V264Vf/3jvre',
];
const PEM = ['-----BEGIN RSA PRIVATE KEY-----', ...KEY_BODY, '-----END RSA PRIVATE KEY-----'].join('\n');

describe('Redactor', () => {
  it.each([
    ['ghp_', `ghp_${alnum(36)}`],
    ['gho_', `gho_${alnum(36)}`],
    ['ghu_', `ghu_${alnum(40)}`],
    ['ghs_', `ghs_${alnum(36)}`],
    ['ghr_', `ghr_${alnum(76)}`],
    ['github_pat_', `github_pat_11ABCDEFG0${alnum(12)}_${alnum(59)}`],
    ['AKIA', 'AKIAIOSFODNN7EXAMPLE'],
    ['xoxb-', 'xoxb-123456789012-1234567890123-AbCdEfGhIjKlMnOpQrStUvWx'],
    ['xoxp-', 'xoxp-1-2-3-abc'],
  ])('redacts the %s token shape', (_shape, token) => {
    expect(none().redact(`token=${token} end`)).toBe(`token=${REDACTED} end`);
  });

  it('leaves look-alikes that are too short alone', () => {
    const text = `ghp_${alnum(20)} AKIA123 github_pat_short xox-no`;
    expect(none().redact(text)).toBe(text);
  });

  it('redacts a whole PEM private key block, key material included', () => {
    const out = none().redact(`before\n${PEM}\nafter`);
    expect(out).toBe(`before\n${REDACTED}\nafter`);
    for (const line of KEY_BODY) expect(out).not.toContain(line.slice(0, 20));
  });

  it.each([
    ['PKCS#8', 'PRIVATE KEY'],
    ['encrypted PKCS#8', 'ENCRYPTED PRIVATE KEY'],
    ['OpenSSH', 'OPENSSH PRIVATE KEY'],
    ['EC', 'EC PRIVATE KEY'],
  ])('redacts %s keys', (_kind, label) => {
    const pem = [`-----BEGIN ${label}-----`, ...KEY_BODY, `-----END ${label}-----`].join('\n');
    expect(none().redact(`x ${pem} y`)).toBe(`x ${REDACTED} y`);
  });

  it('redacts a key flattened onto one line or with literal \\n escapes (JSON)', () => {
    const flat = PEM.replace(/\n/g, ' ');
    expect(none().redact(`key: ${flat}.`)).toBe(`key: ${REDACTED}.`);
    const escaped = PEM.replace(/\n/g, '\\n');
    expect(none().redact(`{"key":"${escaped}\\n"}`)).toBe(`{"key":"${REDACTED}\\n"}`);
  });

  it('redacts the key material of a key cut by truncation (BEGIN without END, END without BEGIN)', () => {
    const head = ['-----BEGIN RSA PRIVATE KEY-----', KEY_BODY[0], KEY_BODY[1]].join('\n');
    const out1 = none().redact(`start\n${head}\n…[100 bytes truncated]…`);
    expect(out1).toBe(`start\n${REDACTED}\n…[100 bytes truncated]…`);
    const tail = [KEY_BODY[2], KEY_BODY[3], '-----END RSA PRIVATE KEY-----', 'next line'].join('\n');
    const out2 = none().redact(`…[100 bytes truncated]…\n${tail}`);
    expect(out2).toBe(`…[100 bytes truncated]…\n${REDACTED}\nnext line`);
  });

  it('redacts literal secrets, longest first, and ignores empty and short ones', () => {
    const r = new Redactor({ secrets: ['', 'abc', 's3cr3t-value', 's3cr3t-value-longer'], patterns: [] });
    expect(r.redact('a s3cr3t-value-longer b s3cr3t-value c abc')).toBe(`a ${REDACTED} b ${REDACTED} c abc`);
  });

  it('redacts each line of a multi-line secret', () => {
    const r = new Redactor({ secrets: ['first-line-secret\nsecond-line-secret\n'], patterns: [] });
    expect(r.redact('x second-line-secret y')).toBe(`x ${REDACTED} y`);
  });

  it('fromEnv collects the runner tokens and GITHUB_TOKEN, plus extra secrets', () => {
    const r = Redactor.fromEnv(
      {
        ACTIONS_RUNTIME_TOKEN: 'runtime-token-value',
        ACTIONS_ID_TOKEN_REQUEST_TOKEN: 'id-token-request',
        GITHUB_TOKEN: 'plain-github-token',
        HOME: '/home/runner',
      },
      ['input-token-value'],
      [pattern('internal-\\d+')],
    );
    expect(
      r.redact(
        'runtime-token-value id-token-request plain-github-token input-token-value internal-42 /home/runner',
      ),
    ).toBe(`${REDACTED} ${REDACTED} ${REDACTED} ${REDACTED} ${REDACTED} /home/runner`);
  });

  it('applies user patterns to every match, inline flags included', () => {
    const r = new Redactor({
      secrets: [],
      patterns: [pattern('id-\\d+'), pattern('pw=\\w+'), pattern('(?i)CASE')],
    });
    expect(r.redact('pw=one x id-1 y id-22 pw=two case')).toBe(
      `${REDACTED} x ${REDACTED} y ${REDACTED} ${REDACTED} ${REDACTED}`,
    );
    expect(r.redact('pw=again')).toBe(REDACTED); // twice in a row: patterns keep no state
  });

  it('a user pattern that matches the empty string neither loops nor sprinkles ***', () => {
    const r = new Redactor({ secrets: [], patterns: [pattern('x*'), pattern('(?:)'), pattern('(?m)^')] });
    expect(r.redact('abc xx def\nghi')).toBe(`abc ${REDACTED} def\nghi`);
  });

  it('redactDeep redacts every string of a JSON value, keys included', () => {
    const token = `ghs_${alnum(36)}`;
    const r = new Redactor({ secrets: ['hunter2-pass'], patterns: [] });
    const value = {
      a: 'hunter2-pass',
      [token]: [1, true, null, { nested: `x ${token}` }],
      n: 3,
    };
    const out = r.redactDeep(value);
    expect(out).toEqual({ a: REDACTED, [REDACTED]: [1, true, null, { nested: `x ${REDACTED}` }], n: 3 });
    expect(value.a).toBe('hunter2-pass'); // not mutated
  });

  it('redactDeep keeps a value that is a whole commit SHA from user patterns, not from secrets', () => {
    const sha = '0123456789abcdef0123456789abcdef0123abca';
    const r = new Redactor({
      secrets: ['hunter2-pass'],
      patterns: [pattern('[0-9a-f]{8}'), pattern('(a+)+$')],
    });
    const out = r.redactDeep({ merge_commit: sha, stdout: `deadbeef1 at ${sha}\n`, message: 'aaa' });
    // The SHA a result is about stays valid; the same characters in free text are the user's to hide.
    expect(out).toEqual({
      merge_commit: sha,
      stdout: expect.not.stringContaining('deadbeef'),
      message: REDACTED,
    });
  });

  describe('lineRedactor (live echo, logs)', () => {
    it('follows a key across lines and stops at END', () => {
      const redactLine = none().lineRedactor();
      const lines = `log\n${PEM}\nafter`.split('\n').map(redactLine);
      expect(lines).toEqual(['log', REDACTED, ...KEY_BODY.map(() => REDACTED), REDACTED, 'after']);
    });

    it('stops following a key at the first line that is not key material', () => {
      const redactLine = none().lineRedactor();
      const lines = ['-----BEGIN PRIVATE KEY-----', KEY_BODY[0], 'npm ERR! failed.', KEY_BODY[1]].map(
        redactLine,
      );
      expect(lines).toEqual([REDACTED, REDACTED, 'npm ERR! failed.', KEY_BODY[1]]);
    });

    it('keeps separate state per instance', () => {
      const r = none();
      const a = r.lineRedactor();
      const b = r.lineRedactor();
      a('-----BEGIN PRIVATE KEY-----');
      expect(b(KEY_BODY[0])).toBe(KEY_BODY[0]);
      expect(a(KEY_BODY[0])).toBe(REDACTED);
    });
  });

  it('is fast on large text with many patterns', () => {
    const r = new Redactor({ secrets: ['secret-one', 'secret-two'], patterns: [pattern('foo\\d+')] });
    const big = 'some ordinary log line with BEGIN and PRIVATE KEY words MIIE\n'.repeat(100_000);
    const started = Date.now();
    r.redact(big);
    expect(Date.now() - started).toBeLessThan(2_000);
  });
});
