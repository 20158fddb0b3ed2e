// A replay fixture is data: the merge commit's files (`tree/`), its message, the pull request as the API
// returns it, pushes that land after the merge, the action inputs, and the expected result. A merge queue
// fixture (`event_name: merge_group`) puts the merge commit on the queue's branch; a gate fixture
// (`mode: gate`) declares the base branch's history with its smoke statuses (`base_history`).
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { z } from 'zod';

export const FIXTURE_FILE = 'fixture.json';
export const TREE_DIR = 'tree';

const PullRequestFixture = z
  .object({
    number: z.number().int().positive(),
    title: z.string(),
    body: z.string().nullable().default(null),
    head_ref: z.string(),
    base_ref: z.string().default('main'),
    /** ISO time, or null for a PR that was never merged. */
    merged_at: z.string().nullable(),
    /** GraphQL lastEditedAt of the body; null: never edited. */
    last_edited_at: z.string().nullable().default(null),
    /** false: the PR's merge_commit_sha is not the merge commit (e.g. a PR merged elsewhere). */
    merged_as_this_commit: z.boolean().default(true),
    /** Label names (the gate's bypass label). */
    labels: z.array(z.string()).default([]),
  })
  .strict();
export type PullRequestFixture = z.infer<typeof PullRequestFixture>;

const Push = z
  .object({
    message: z.string(),
    files: z.record(z.string(), z.string()).default({}),
  })
  .strict();

/** A commit on the base branch before the merge commit, with the smoke status it carries (gate fixtures). */
const BaseCommit = z
  .object({
    message: z.string(),
    files: z.record(z.string(), z.string()).default({}),
    /** Its `status-context` status; null: none. */
    status: z.enum(['success', 'failure', 'error', 'pending']).nullable().default(null),
    /** The pull request that brought it (GraphQL associatedPullRequests). */
    pr: z
      .object({ number: z.number().int().positive(), title: z.string() })
      .strict()
      .nullable()
      .default(null),
  })
  .strict();
export type BaseCommit = z.infer<typeof BaseCommit>;

/**
 * Expected SmokeResult fields (compared exactly; "$MERGE_COMMIT" and "$ORIGIN_HEAD" stand for the SHAs the
 * replay builds, "$MERGE_COMMIT[i]" for the merge commit of step i of a streak, "$BASE_HISTORY[i]" for base
 * commit i), plus `stdout_includes` / `stderr_includes` / `message_includes`, `packet` (is a packet due?),
 * `suspects` (the packet's suspect SHAs, newest first) and `reporting_includes` (text each named reporting
 * outcome contains). A gate fixture expects the gate's fields instead: status, reason, message, main_state,
 * red_since, bypassed, api_requests (see compare.ts).
 */
const Expected = z
  .object({
    status: z.string(),
    reason: z.string(),
    stdout_includes: z.array(z.string()).default([]),
    stderr_includes: z.array(z.string()).default([]),
    message_includes: z.array(z.string()).default([]),
    packet: z.boolean(),
    suspects: z.array(z.string()).optional(),
    reporting_includes: z.record(z.string(), z.string()).default({}),
  })
  .catchall(z.unknown());

/** A later merge of a streak: landed on the base branch after the previous step, then smoked. */
const StreakStep = z
  .object({
    description: z.string().default(''),
    /** Run the previous step's merge commit again (the next run attempt) instead of landing a new one. */
    rerun: z.boolean().default(false),
    merge_commit_message: z.string().default(''),
    /** The pull request this merge names, as the API returns it (`pulls/<n>`). */
    pull_request: PullRequestFixture.nullable().default(null),
    /** Files the merge writes (path → content), on top of the previous step's tree. */
    files: z.record(z.string(), z.string()).default({}),
    /** Inputs of this step, over the fixture's. */
    inputs: z.record(z.string(), z.string()).default({}),
    expected: Expected,
  })
  .strict();
export type StreakStep = z.infer<typeof StreakStep>;

export const Fixture = z
  .object({
    name: z.string().regex(/^[A-Za-z0-9._-]+$/),
    description: z.string(),
    /** Which seed case this replays, e.g. "task-2507 (PR #55): 10/10 PASS". */
    seed: z.string().nullable().default(null),
    base_branch: z.string().default('main'),
    merge_commit_message: z.string(),
    pull_request: PullRequestFixture.nullable().default(null),
    /** Who made the merge commit: GitHub's merge button (`github`, committer noreply@github.com) or a push. */
    merged_by: z.enum(['github', 'push']).default('github'),
    /** `commits/{sha}/pulls` answers [] this many times before the PR (the API's eventual consistency). */
    pulls_empty_calls: z.number().int().nonnegative().default(0),
    /** Pushed to the base branch after the merge commit (STALE cases). */
    after_merge: z.array(Push).default([]),
    event_name: z.enum(['push', 'workflow_dispatch', 'merge_group', 'pull_request']).default('push'),
    /** `run` smokes the merge commit; `gate` reads the base branch's state (SPEC-v2 §3). */
    mode: z.enum(['run', 'gate']).default('run'),
    /** Commits on the base branch before the merge commit, oldest first (a gate reads their statuses). */
    base_history: z.array(BaseCommit).default([]),
    /**
     * merge_group: what the queue does to its branch before the run looks — `kept`, `removed` (the entry
     * left the queue) or `rebuilt` (the branch force-moved to another candidate).
     */
    queue_after: z.enum(['kept', 'removed', 'rebuilt']).default('kept'),
    /** Action inputs, by input name. */
    inputs: z.record(z.string(), z.string()).default({}),
    /** Skip this fixture on platforms where its command cannot run (e.g. a POSIX process tree). */
    platforms: z
      .array(z.enum(['linux', 'darwin', 'win32']))
      .nullable()
      .default(null),
    expected: Expected,
    /**
     * A streak (main health, SPEC-v2 §4): more merges, each landed and smoked in turn against the same
     * loopback GitHub (statuses, refs, issues), each with its own expected result.
     */
    then: z.array(StreakStep).default([]),
  })
  .strict();
export type Fixture = z.infer<typeof Fixture>;

export interface LoadedFixture {
  dir: string;
  fixture: Fixture;
  /** Files of the merge commit's tree: repository path → content. */
  tree: Record<string, string>;
}

export class FixtureError extends Error {}

export function loadFixture(dir: string): LoadedFixture {
  const file = join(dir, FIXTURE_FILE);
  if (!existsSync(file)) throw new FixtureError(`${dir} is not a replay fixture: ${FIXTURE_FILE} is missing`);
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new FixtureError(`${file} is not valid JSON: ${(e as Error).message}`);
  }
  const parsed = Fixture.safeParse(raw);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message}`).join('; ');
    throw new FixtureError(`${file} is not a valid fixture: ${issues}`);
  }
  const treeDir = join(dir, TREE_DIR);
  const tree: Record<string, string> = {};
  if (existsSync(treeDir)) {
    for (const entry of readdirSync(treeDir, { recursive: true })) {
      const path = join(treeDir, String(entry));
      if (statSync(path).isFile())
        tree[relative(treeDir, path).split('\\').join('/')] = readFileSync(path, 'utf8');
    }
  }
  return { dir, fixture: parsed.data, tree };
}
