// Time for the GitHub API, in one place: one deadline per request that covers connecting, the headers and
// the whole body; one retry layer with one notion of "transient"; rate limits that are waited out only when
// the wait fits; and a budget that bounds every call a run phase makes. Nothing else retries HTTP.
import { GitHubApiError, type RateLimit } from './github.js';

type FetchLike = (url: string, init?: Record<string, unknown>) => Promise<Response>;

/** A deadline shared by every call of a run phase (the verdict, the reporting). */
export class ApiBudget {
  private readonly until: number;

  constructor(
    readonly totalMs: number,
    private readonly now: () => number = Date.now,
  ) {
    this.until = now() + totalMs;
  }

  /** "300 ms", "25 s": for messages. */
  describe(): string {
    return this.totalMs < 1000 ? `${this.totalMs} ms` : `${Math.round(this.totalMs / 1000)} s`;
  }

  remainingMs(): number {
    return Math.max(0, this.until - this.now());
  }

  static unlimited(): ApiBudget {
    return new ApiBudget(Number.MAX_SAFE_INTEGER / 2);
  }
}

export interface RetryPolicy {
  /** Deadline of one request: connect, headers and the whole body. */
  requestTimeoutMs: number;
  /** Extra attempts after a transient failure. */
  retries: number;
  /** Waits between attempts: backoffMs, then 2 × backoffMs, … */
  backoffMs: number;
  sleep: (ms: number) => Promise<void>;
  now: () => number;
}

export const DEFAULT_RETRY_POLICY: RetryPolicy = {
  requestTimeoutMs: 10_000,
  retries: 2,
  backoffMs: 1000,
  sleep: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
  now: Date.now,
};

/** A request that got no complete answer in time; the message says which part never came. */
export class NoCompleteAnswer extends Error {
  override name = 'NoCompleteAnswer';

  constructor(
    message: string,
    /** The headers came (an answer began): then it is not "no answer", it did not complete. */
    readonly headersCame: boolean,
    options?: ErrorOptions,
  ) {
    super(message, options);
  }
}

/**
 * `base` with a deadline over the whole exchange: the body is read here, inside the deadline, and handed on
 * buffered, so a server that sends headers and then stalls cannot hold a caller that reads the body later.
 */
export function fetchWithDeadline(base: FetchLike, timeoutMs: () => number): FetchLike {
  return async (url, init = {}) => {
    const ms = timeoutMs();
    const deadline = AbortSignal.timeout(Math.max(1, ms));
    const outer = init.signal as AbortSignal | undefined;
    const signal = outer ? AbortSignal.any([outer, deadline]) : deadline;
    let response: Response;
    try {
      response = await base(url, { ...init, signal });
    } catch (e) {
      if (deadline.aborted) throw new NoCompleteAnswer(`no answer within ${ms} ms`, false, { cause: e });
      throw e;
    }
    const body = await readWhole(response, ms);
    const empty = body.byteLength === 0 || [204, 205, 304].includes(response.status);
    return new Response(empty ? null : body, response);
  };
}

/** No answer the action reads is near this size; a server that never stops sending costs no more memory. */
export const MAX_ANSWER_BYTES = 32 * 1024 * 1024;

/**
 * The whole body, counting what came: when the deadline cuts it, the message says how much arrived, so a
 * server that stalled (a few bytes) and one that never stops sending (megabytes) both read truthfully.
 */
async function readWhole(response: Response, ms: number): Promise<Uint8Array> {
  const chunks: Uint8Array[] = [];
  let bytes = 0;
  const reader = response.body?.getReader();
  try {
    for (;;) {
      const chunk = reader ? await reader.read() : { done: true as const };
      if (chunk.done) break;
      chunks.push(chunk.value);
      bytes += chunk.value.byteLength;
      if (bytes > MAX_ANSWER_BYTES) break;
    }
  } catch (e) {
    throw new NoCompleteAnswer(
      `the answer did not complete within ${ms} ms: HTTP ${response.status} headers and ${bytes} bytes ` +
        'of the body came, but not its end',
      true,
      { cause: e },
    );
  }
  if (bytes > MAX_ANSWER_BYTES) {
    await reader?.cancel().catch(() => undefined);
    throw new NoCompleteAnswer(
      `the answer was larger than ${MAX_ANSWER_BYTES} bytes (HTTP ${response.status}): stopped reading it`,
      true,
    );
  }
  return Buffer.concat(chunks);
}

/** How long to wait before trying again, or null when the failure is final. */
export function retryDelay(e: GitHubApiError, attempt: number, policy: RetryPolicy): number | null {
  if (e.rateLimit) return e.rateLimit.waitMs;
  if (!e.transient) return null;
  return policy.backoffMs * 2 ** attempt;
}

/**
 * `call` until it succeeds or fails for good. Transient failures are tried again after a backoff; a rate
 * limit after its reset — unless the wait would outlast the budget, which ends the call at once with a
 * message that says when the limit resets. No attempt starts past the budget.
 */
export async function withRetries<T>(
  endpoint: string,
  call: () => Promise<T>,
  policy: RetryPolicy,
  budget: ApiBudget,
): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await call();
    } catch (e) {
      if (!(e instanceof GitHubApiError)) throw e;
      const wait = retryDelay(e, attempt, policy);
      if (wait === null) throw e;
      if (e.rateLimit && wait > budget.remainingMs()) throw rateLimitedError(e, endpoint, budget, policy);
      if (attempt >= policy.retries || wait >= budget.remainingMs()) throw e;
      await policy.sleep(wait);
    }
  }
}

function rateLimitedError(e: GitHubApiError, endpoint: string, budget: ApiBudget, policy: RetryPolicy) {
  const { waitMs, guessed } = e.rateLimit!;
  // A GraphQL rate limit comes with HTTP 200 and says so in its body.
  const how = e.status === 200 ? 'a GraphQL RATE_LIMITED answer' : `HTTP ${e.status}`;
  const resetAt = new Date(policy.now() + waitMs).toISOString().replace(/\.\d+Z$/, 'Z');
  const allowed = `the ${budget.describe()} this run allows the API`;
  const when = guessed
    ? `the answer does not say when it resets, and the minute GitHub asks to wait is beyond ${allowed}, ` +
      'so it was not tried again. Re-run the job in a few minutes.'
    : `it resets at ${resetAt} (in ${describeWait(waitMs)}), beyond ${allowed}, so it was not tried again. ` +
      'Re-run the job after the reset.';
  const message = `${endpoint} failed: GitHub's API rate limit is exhausted (${how}); ${when}`;
  return new GitHubApiError(message, e.status, endpoint, null, 'rate_limited');
}

/** "15 s" under a minute (rounded up, never "0 s"), else "about 60 min". */
export function describeWait(ms: number): string {
  if (ms < 60_000) return `${Math.max(1, Math.ceil(ms / 1000))} s`;
  return `about ${Math.ceil(ms / 60_000)} min`;
}

/** A rate limit the answer announces: 429, or 403 with no requests left or a secondary-limit message. */
export function rateLimitOf(
  status: number,
  headers: ResponseHeaders,
  message: string,
  now: number,
): RateLimit | null {
  const limited =
    status === 429 ||
    (status === 403 && (String(headers['x-ratelimit-remaining']) === '0' || /rate limit/i.test(message)));
  return limited ? rateLimitWait(headers, now) : null;
}

/** Headers of an answer, as Octokit hands them over. */
export type ResponseHeaders = Record<string, string | number | undefined>;

/** How long until a rate limit resets: Retry-After, else x-ratelimit-reset, else a guess of a minute. */
export function rateLimitWait(headers: ResponseHeaders, now: number): RateLimit {
  const retryAfter = Number(headers['retry-after']);
  if (Number.isFinite(retryAfter) && retryAfter >= 0) return { waitMs: retryAfter * 1000 };
  const reset = Number(headers['x-ratelimit-reset']);
  if (Number.isFinite(reset) && reset > 0) return { waitMs: Math.max(0, reset * 1000 - now) };
  // A secondary limit without headers: GitHub asks for at least a minute.
  return { waitMs: 60_000, guessed: true };
}
