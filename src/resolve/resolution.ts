// What the sources of a command (sources.ts) share: the state of one resolution and the three answers a
// source may give.
import type { CommandSource } from '../contracts.js';
import type { ProfileName } from '../domain/index.js';
import { ConfigError } from './config-error.js';
import type { Registry } from './registry.js';
import { ResolveInfraError } from './resolve-error.js';
import type { SelectorResult } from './selectors.js';
import {
  TreeReadError,
  type CommandOptions,
  type ResolveContext,
  type ResolveInput,
  type ResolveOutcome,
} from './types.js';

export type BlockReason = Extract<ResolveOutcome, { kind: 'blocked' }>['reason'];

export interface Resolution {
  input: ResolveInput;
  selectors: SelectorResult;
  /** Always read: its defaults apply to every command. */
  registry: Registry;
  /** The selectors and the notes so far: every outcome carries them. */
  ctx: ResolveContext;
}

/**
 * A source's answer. `hit`: this is the command. `miss`: nothing here, go on (`note` says why, for the
 * log and the "none" message; null when there is nothing worth saying). `block`: stop, the run is BLOCKED.
 * `profile`: the profile the answer is about (it becomes the outcome's profile).
 */
export type Answer =
  | {
      kind: 'hit';
      command: string;
      source: CommandSource;
      options: CommandOptions;
      note: string;
      profile?: ProfileName;
    }
  | { kind: 'miss'; note: string | null }
  | { kind: 'block'; reason: BlockReason; message: string; profile?: ProfileName };

export type Hit = Extract<Answer, { kind: 'hit' }>;
export type Block = Extract<Answer, { kind: 'block' }>;

export const miss = (note: string | null = null): Answer => ({ kind: 'miss', note });

export const block = (reason: BlockReason, message: string): Block => ({ kind: 'block', reason, message });

/** `what` names the file kind: "registry", "task file", "post-merge-smoke block in the". */
export const invalidConfig = (what: string, e: ConfigError): Block =>
  block('invalid_config', `Invalid ${what} ${e.message}`);

/**
 * TreeReader.read, with git failures turned into ResolveInfraError (ERROR git_failed, carrying the
 * selectors found); a ConfigError (a directory, a file too large) passes through.
 */
export async function readTree(r: Pick<Resolution, 'input' | 'ctx'>, path: string): Promise<string | null> {
  try {
    return await r.input.tree.read(path);
  } catch (e) {
    if (e instanceof ConfigError) throw e;
    const detail = e instanceof TreeReadError ? e.message : `cannot read ${path}: ${(e as Error).message}`;
    throw new ResolveInfraError('git_failed', detail, r.ctx, e);
  }
}
