// An in-memory TreeReader for the pure-logic tests: a map of path → content that records every read.
import type { TreeReader } from '../../../src/resolve/index.js';

export class MemoryTree implements TreeReader {
  readonly reads: string[] = [];
  private readonly files: Map<string, string>;

  constructor(files: Record<string, string> = {}) {
    this.files = new Map(Object.entries(files));
  }

  async read(path: string): Promise<string | null> {
    this.reads.push(path);
    return this.files.get(path) ?? null;
  }
}

/** A TreeReader whose every read fails the given way. */
export class FailingTree implements TreeReader {
  readonly reads: string[] = [];
  constructor(private readonly error: Error) {}
  async read(path: string): Promise<string | null> {
    this.reads.push(path);
    throw this.error;
  }
}
