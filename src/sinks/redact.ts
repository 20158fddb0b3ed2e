// Secret redaction (SPEC §8): everything the action writes — outputs, files, summary, status, artifact, the
// live echo — goes through one Redactor first. It replaces with `***`:
//   1. literal secrets (the token's value, the runner's tokens; each line of a multi-line secret too) and
//      their encoded forms (secret-forms.ts: base64, URL, JSON, the basic-auth credential),
//   2. well-known token shapes (GitHub, AWS access key ids, Slack, PEM private key blocks),
//   3. the user's `redact-patterns`.
import { isSha, knownSecrets, MIN_SECRET_LENGTH, type Pattern } from '../domain/index.js';
import { secretCutGuard, type SecretCutGuard } from './cut-guard.js';
import { encodedForms } from './secret-forms.js';

// The runner masks registered secrets in the job log too, but it drops a whole job output that contains one;
// redacting first keeps `result` usable.

export const REDACTED = '***';

export { MIN_SECRET_LENGTH };

export interface RedactorOptions {
  /** Literal secret values. Empty and very short (< MIN_SECRET_LENGTH) values are ignored. */
  secrets: string[];
  /** Extra patterns (the `redact-patterns` input); every non-empty match is redacted. */
  patterns: Pattern[];
}

/** Token shapes that are redacted whatever the configuration. */
const TOKEN_PATTERNS: readonly RegExp[] = [
  /gh[pousr]_[A-Za-z0-9]{36,}/g, // GitHub personal, OAuth, user-to-server, server-to-server, refresh tokens
  /github_pat_[A-Za-z0-9_]{22,}/g, // fine-grained personal access tokens
  /AKIA[0-9A-Z]{16}/g, // AWS access key ids
  /xox[abposr]-[A-Za-z0-9-]+/g, // Slack tokens
];

// PEM private keys. A key may be printed as lines, flattened onto one line (newlines turned into spaces), or
// with literal "\n" escapes (a key inside JSON); it may also be cut by the head/tail capture, leaving a BEGIN
// without its END or an END without its BEGIN. All of these are redacted, including the key material between.
const PEM_BEGIN = String.raw`-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----`;
const PEM_END = String.raw`-----END (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----`;
/** Between the lines of a key: real whitespace or a literal \n / \r escape. */
const PEM_SEP = String.raw`(?:[ \t\r\n]|\\[rn])+`;
/** One piece of key material: base64, or an armor header (legacy encrypted PEM, PGP). */
const PEM_TOKEN = String.raw`(?:[A-Za-z0-9+/=]+|(?:Proc-Type|DEK-Info|Version|Comment):[^\r\n]*)`;
/** A BEGIN marker, the key material after it, and its END marker when there is one. */
const PEM_BLOCK = new RegExp(`${PEM_BEGIN}(?:${PEM_SEP}${PEM_TOKEN})*(?:${PEM_SEP}?${PEM_END})?`, 'g');
const PEM_END_ONLY = new RegExp(PEM_END, 'g');
const PEM_BEGIN_ONE = new RegExp(PEM_BEGIN);
const PEM_END_ONE = new RegExp(PEM_END);
/** A whole line that is only key material (used while a key is open in line mode). */
const PEM_BODY_LINE = /^\s*(?:[A-Za-z0-9+/=]+|(?:Proc-Type|DEK-Info|Version|Comment):.*)?\s*$/;

const BASE64_CHAR = /[A-Za-z0-9+/=]/;
const SPACE_CHAR = /[ \t\r\n]/;

/**
 * An END marker left without its BEGIN (the head of the key was cut away): redact the marker and the key
 * material right before it, walking back over base64 runs and separators. Linear in the text length.
 */
function redactLoneEnds(text: string): string {
  if (!text.includes('-----END ')) return text;
  let out = '';
  let last = 0;
  for (const m of text.matchAll(PEM_END_ONLY)) {
    const markerStart = m.index;
    let start = markerStart;
    for (;;) {
      let j = start;
      // separators: whitespace or a literal "\n"/"\r" (backslash + letter)
      for (;;) {
        if (j > last && SPACE_CHAR.test(text[j - 1])) j--;
        else if (j - 1 > last && text[j - 2] === '\\' && (text[j - 1] === 'n' || text[j - 1] === 'r')) j -= 2;
        else break;
      }
      let k = j;
      while (k > last && BASE64_CHAR.test(text[k - 1])) k--;
      if (k === j) break;
      start = k;
    }
    out += text.slice(last, start) + REDACTED;
    last = markerStart + m[0].length;
  }
  return out + text.slice(last);
}

function redactPem(text: string): string {
  if (!text.includes('PRIVATE KEY')) return text;
  return redactLoneEnds(text.replace(PEM_BLOCK, REDACTED));
}

export class Redactor {
  /** Every literal to replace: the secrets and their encoded forms, longest first. */
  private readonly forms: string[] = [];
  private readonly patterns: Pattern[];
  private guard: SecretCutGuard | null = null;

  constructor(options: RedactorOptions) {
    for (const s of options.secrets) this.addSecret(s);
    this.patterns = options.patterns;
  }

  /** A redactor for this process: the secret variables' values, `extraSecrets` and the user's patterns. */
  static fromEnv(env: NodeJS.ProcessEnv, extraSecrets: string[] = [], patterns: Pattern[] = []): Redactor {
    return new Redactor({ secrets: knownSecrets(env, extraSecrets), patterns });
  }

  /**
   * Adds a secret learnt later (e.g. a token fetched at run time). Ignores empty and short values; a
   * multi-line value is also added line by line (the runner masks it that way too).
   */
  addSecret(secret: string): void {
    const candidates = [secret, secret.trim(), ...secret.split(/\r?\n/).map((l) => l.trim())];
    for (const c of candidates) {
      if (c.length < MIN_SECRET_LENGTH) continue;
      for (const form of [c, ...encodedForms(c)]) if (!this.forms.includes(form)) this.forms.push(form);
    }
    // Longest first, so a form that contains another (the basic-auth credential) is replaced whole.
    this.forms.sort((a, b) => b.length - a.length);
    this.guard = null;
  }

  /** Every literal this redactor replaces (the secrets and their encoded forms), longest first. */
  knownForms(): readonly string[] {
    return this.forms;
  }

  /** Where a cut of raw output may fall without splitting a known secret form or a token shape. */
  cutGuard(): SecretCutGuard {
    this.guard ??= secretCutGuard(this.forms);
    return this.guard;
  }

  /** `text` with every secret, known token shape and user pattern replaced by `***`. */
  redact(text: string): string {
    let out = this.redactSecrets(text);
    for (const p of this.patterns) out = p.replaceAll(out, REDACTED);
    return out;
  }

  /**
   * The known secrets and token shapes only: what an object key gets (a user pattern could match a field
   * name), a value that is a whole commit SHA, and an output built from values already redacted.
   */
  redactSecrets(text: string): string {
    let out = text;
    for (const s of this.forms) {
      if (out.includes(s)) out = out.split(s).join(REDACTED);
    }
    out = redactPem(out);
    for (const p of TOKEN_PATTERNS) out = out.replace(p, REDACTED);
    return out;
  }

  /**
   * A deep copy of a JSON value with every string redacted — object keys, and strings that are a whole commit
   * SHA, of secrets and token shapes only: a user pattern must not rename a field, nor turn the SHA a result
   * is about into `***` (a pattern such as `[0-9a-f]{8}` or `a+$` matches inside SHAs). Numbers, booleans
   * and null are kept; non-plain objects are kept as they are.
   */
  redactDeep<T>(value: T): T {
    return this.deep(value) as T;
  }

  private deep(value: unknown): unknown {
    if (typeof value === 'string') return isSha(value) ? this.redactSecrets(value) : this.redact(value);
    if (Array.isArray(value)) return value.map((v) => this.deep(v));
    if (value !== null && typeof value === 'object') {
      const proto = Object.getPrototypeOf(value) as unknown;
      if (proto !== Object.prototype && proto !== null) return value;
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value)) out[this.redactSecrets(k)] = this.deep(v);
      return out;
    }
    return value;
  }

  /**
   * A stateful redactor for a stream of lines (the live echo, log files). Besides `redact`, it remembers a
   * PEM private key that was opened on an earlier line and redacts the key material lines that follow, up
   * to and including the END line (or the first line that is not key material). Use one per stream.
   */
  lineRedactor(): (line: string) => string {
    let inKey = false;
    return (line: string): string => {
      if (inKey) {
        const end = PEM_END_ONE.exec(line);
        if (end) {
          inKey = false;
          const rest = line.slice(end.index + end[0].length);
          return REDACTED + this.redactLine(rest, () => (inKey = true));
        }
        if (PEM_BODY_LINE.test(line)) return REDACTED;
        inKey = false;
      }
      return this.redactLine(line, () => (inKey = true));
    };
  }

  private redactLine(line: string, openKey: () => void): string {
    const out = this.redact(line);
    // Does the raw line open a key that it does not close?
    const begin = PEM_BEGIN_ONE.exec(line);
    if (begin) {
      let lastBegin = begin.index;
      for (;;) {
        const next = PEM_BEGIN_ONE.exec(line.slice(lastBegin + 1));
        if (!next) break;
        lastBegin += 1 + next.index;
      }
      if (!PEM_END_ONE.test(line.slice(lastBegin))) openKey();
    }
    return out;
  }
}
