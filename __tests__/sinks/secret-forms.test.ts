// Security item 3: a known secret is redacted in the encodings the runner's own masker covers, and as the
// basic-auth credential actions/checkout persists — not only as itself.
import { describe, expect, it } from '@jest/globals';
import { encodedForms, Redactor, REDACTED } from '../../src/sinks/index.js';

const TOKEN = 'ghs_' + 'Fo7mSecretToken0123456789abcdefghijk'.slice(0, 36);
/** A secret of no known shape, with characters that URL, JSON and expression escaping change. */
const PASSWORD = `pa55 "w0rd"/+&'x\\y`;
const redactor = () => new Redactor({ secrets: [TOKEN, PASSWORD], patterns: [] });
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');

describe('secret forms', () => {
  it('redacts the basic-auth header actions/checkout writes to .git/config', () => {
    const header = `http.https://github.com/.extraheader AUTHORIZATION: basic ${b64(`x-access-token:${TOKEN}`)}`;
    expect(redactor().redact(header)).toBe(
      `http.https://github.com/.extraheader AUTHORIZATION: basic ${REDACTED}`,
    );
    expect(redactor().redact(`https://x-access-token:${TOKEN}@github.com/o/r`)).toBe(
      `https://${REDACTED}@github.com/o/r`,
    );
  });

  it.each([0, 1, 2, 3, 4, 5])(
    'finds the secret base64-encoded behind a prefix of %i bytes (every alignment), standard and URL-safe',
    (n) => {
      for (const secret of [TOKEN, PASSWORD]) {
        const encoded = b64(`${'u'.repeat(n)}:${secret}`);
        for (const text of [encoded, encoded.replace(/\+/g, '-').replace(/\//g, '_')]) {
          const out = redactor().redact(`Authorization: Basic ${text}`);
          expect(out).toContain(REDACTED);
          // What is left: the prefix's characters, two bytes' worth at each end of the secret, padding.
          const left = out.slice('Authorization: Basic '.length).replace(REDACTED, '');
          expect(left.length).toBeLessThanOrEqual(Math.ceil(((n + 1) * 8) / 6) + 3 + 4);
        }
      }
    },
  );

  it('redacts the URL-encoded, JSON-escaped and expression-escaped forms', () => {
    const r = redactor();
    expect(r.redact(`?p=${encodeURIComponent(PASSWORD)}&q=1`)).toBe(`?p=${REDACTED}&q=1`);
    expect(r.redact(JSON.stringify({ p: PASSWORD }))).toBe(`{"p":"${REDACTED}"}`);
    expect(r.redact(`'${PASSWORD.replace(/'/g, "''")}'`)).toBe(`'${REDACTED}'`);
  });

  it('adds only forms that differ from the secret and are long enough to mean something', () => {
    const forms = encodedForms('abcd');
    expect(forms).not.toContain('abcd');
    for (const f of forms) expect(f.length).toBeGreaterThanOrEqual(8);
    // Text that merely shares a few base64 characters with a short secret is left alone.
    expect(new Redactor({ secrets: ['abcd'], patterns: [] }).redact('YWJj YmNk')).toBe('YWJj YmNk');
  });

  it('lists every form it redacts, longest first (the child environment is checked against them)', () => {
    const forms = redactor().knownForms();
    expect(forms).toEqual(expect.arrayContaining([TOKEN, PASSWORD, b64(`x-access-token:${TOKEN}`)]));
    expect([...forms].sort((a, b) => b.length - a.length)).toEqual(forms);
  });
});
