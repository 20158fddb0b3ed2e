// Answers of the GitHub API read against the shape GitHub documents, in one place. A body that is not that
// shape (null, a list where an object belongs, a string, a field missing) is a GitHubApiError that names the
// endpoint, where in the answer and what came instead: never a TypeError further on, and never mistaken for
// "not found" (only a 404, or a null GitHub documents as "none", means that).
import { parseSha, type Sha } from '../domain/index.js';
import { GitHubApiError } from './github.js';

export type Json = Record<string, unknown>;

/** What came instead, for the message: "null", "an empty list", "a string", … */
function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return value.length === 0 ? 'an empty list' : 'a list';
  if (typeof value === 'object') return 'an object';
  // A short quote of a scalar: an HTML page answered with 200 shows what it was.
  const quote = JSON.stringify(typeof value === 'string' ? value.slice(0, 40) : value);
  return `a ${typeof value} (${quote}${typeof value === 'string' && value.length > 40 ? '…' : ''})`;
}

const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);

/** One answer of one endpoint. `at` is where in the answer ("repository.ref.target"); none: the body. */
export class AnswerShape {
  constructor(readonly endpoint: string) {}

  /** The error for `value` found where `expected` belongs. HTTP 200: the answer came, it is unusable. */
  wrong(value: unknown, expected: string, at?: string): GitHubApiError {
    const where = at ? ` at ${at}` : '';
    return new GitHubApiError(
      `${this.endpoint} answered ${kindOf(value)}${where} where ${expected} was expected`,
      200,
      this.endpoint,
    );
  }

  object(value: unknown, expected: string, at?: string): Json {
    if (!isObject(value)) throw this.wrong(value, expected, at);
    return value;
  }

  /** An object, or null where GitHub documents null ("no such ref"); a missing field is not null. */
  objectOrNull(value: unknown, expected: string, at?: string): Json | null {
    return value === null ? null : this.object(value, `${expected} or null`, at);
  }

  /** `data.repository` of a GraphQL answer: every query here asks about one repository. */
  repository(data: unknown): Json {
    return this.object(this.object(data, 'the data of the query').repository, 'a repository', 'repository');
  }

  list(value: unknown, expected: string, at?: string): unknown[] {
    if (!Array.isArray(value)) throw this.wrong(value, expected, at);
    return value;
  }

  /**
   * The `nodes` of a GraphQL connection at `at`. `nullable`: the schema types the connection nullable
   * (`associatedPullRequests`, `labels`), so null is none; a missing one is still not the schema's shape.
   */
  nodes(connection: unknown, expected: string, at: string, nullable = false): unknown[] {
    if (connection === null && nullable) return [];
    const what = nullable ? 'a connection or null' : 'a connection';
    return this.list(this.object(connection, what, at).nodes, expected, `${at}.nodes`);
  }

  /** The first node of a GraphQL connection at `at`, an object; null when there is none. */
  firstNode(connection: unknown, expected: string, at: string, nullable = false): Json | null {
    const [first] = this.nodes(connection, `a list of ${expected}s`, at, nullable);
    return first === undefined ? null : this.object(first, expected, `${at}.nodes[0]`);
  }

  /** A full commit SHA, lower case. */
  sha(value: unknown, at?: string): Sha {
    const sha = typeof value === 'string' ? parseSha(value) : null;
    if (!sha?.ok) throw this.wrong(value, 'a 40-hex commit SHA', at);
    return sha.value;
  }

  number(value: unknown, expected: string, at?: string): number {
    if (typeof value !== 'number') throw this.wrong(value, expected, at);
    return value;
  }
}

/** A string field GitHub may leave out or null: null then (and for any other type). */
export const textOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
