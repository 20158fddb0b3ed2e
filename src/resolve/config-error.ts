// A problem in a trusted configuration file (registry, task file, PR-body block): the run is BLOCKED
// `invalid_config` and the message points at the file and, where known, the 1-based line and column.

export class ConfigError extends Error {
  constructor(
    /** Repository path of the file (or a label such as "PR #12 body"). */
    readonly file: string,
    /** 1-based line in that file; null when the problem is the file as a whole (size, type). */
    readonly line: number | null,
    /** The problem itself, without the location. */
    readonly detail: string,
    /** 1-based column; null when unknown. */
    readonly column: number | null = null,
  ) {
    super(`${configLocation(file, line, column)}: ${detail}`);
    this.name = 'ConfigError';
  }
}

/** "path", "path line 3" or "path line 3, column 7". */
export function configLocation(file: string, line: number | null, column: number | null = null): string {
  if (line === null) return file;
  return column === null ? `${file} line ${line}` : `${file} line ${line}, column ${column}`;
}
