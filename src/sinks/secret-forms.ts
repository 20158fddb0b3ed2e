// The forms a known secret takes in text besides itself: the encodings the runner's own secret masker
// registers for every secret (actions/runner ValueEncoders: base64 at the three byte alignments, URL and
// JSON string escaping, the expression escape of `'`), and the basic-auth credential git is given
// (`AUTHORIZATION: basic base64(x-access-token:<token>)`, what actions/checkout persists in .git/config).

/** The user name GitHub's basic auth uses with an installation or Actions token. */
export const BASIC_AUTH_USER = 'x-access-token';

/**
 * An encoded form shorter than this is not redacted: a few base64 characters occur in any text, and a very
 * short secret's shifted base64 says next to nothing about it.
 */
export const MIN_ENCODED_LENGTH = 8;

/**
 * base64 of `value` starting at each of the three byte alignments a value can have inside a longer base64
 * text (`base64(user:password)`): for each, the characters that depend on the value's bytes alone (those
 * next to the value's first and last bytes also depend on their neighbours), and the whole padded encoding
 * of the value on its own. Standard and URL-safe alphabets.
 */
function base64Forms(value: string): string[] {
  const bytes = Buffer.from(value, 'utf8');
  const out: string[] = [bytes.toString('base64')];
  for (let shift = 0; shift < 3 && shift < bytes.length; shift++) {
    const rest = bytes.subarray(shift);
    // A base64 character holds 6 bits; those wholly inside `rest` are the first floor(8n / 6).
    out.push(rest.toString('base64').slice(0, Math.floor((rest.length * 8) / 6)));
  }
  return [...out, ...out.map((b) => b.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''))];
}

/** Every form of `secret` to redact besides the secret itself (duplicates and too-short forms left out). */
export function encodedForms(secret: string): string[] {
  const basic = `${BASIC_AUTH_USER}:${secret}`;
  const forms = [
    JSON.stringify(secret).slice(1, -1),
    encodeURIComponent(secret),
    secret.replace(/'/g, "''"),
    ...base64Forms(secret),
    basic,
    ...base64Forms(basic),
  ];
  return [...new Set(forms)].filter((f) => f !== secret && f.length >= MIN_ENCODED_LENGTH);
}
