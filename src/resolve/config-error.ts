// Problems in a trusted configuration file (registry, task file, PR-body block). Readers collect every
// problem of a file (ConfigProblem), so that validation can report them all; a run stops at the first
// one: it is BLOCKED `invalid_config` and the message points at the file and, where known, the 1-based
// line and column.

export interface ConfigProblem {
  /** Repository path of the file (or a label such as "PR #12 body"). */
  file: string;
  /** 1-based line in that file; null when the problem is the file as a whole (size, type, absence). */
  line: number | null;
  /** 1-based column; null when unknown. */
  column: number | null;
  /** The problem itself, without the location. */
  message: string;
  /** What was probably meant ("Did you mean 'smoke_command'?"), when there is a near miss. */
  hint?: string;
}

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

  static of(problem: ConfigProblem): ConfigError {
    const detail = problem.hint ? `${problem.message} ${problem.hint}` : problem.message;
    return new ConfigError(problem.file, problem.line, detail, problem.column);
  }
}

/** "path", "path line 3" or "path line 3, column 7". */
export function configLocation(file: string, line: number | null, column: number | null = null): string {
  if (line === null) return file;
  return column === null ? `${file} line ${line}` : `${file} line ${line}, column ${column}`;
}

/** The problems of one file, in the order they were found. */
export class Problems {
  readonly list: ConfigProblem[] = [];

  constructor(readonly file: string) {}

  /** Records a problem at `at` (null: the file as a whole). Returns null, for `return p.add(…)` in readers. */
  add(at: { line: number; column: number | null } | null, message: string, hint?: string): null {
    const problem: ConfigProblem = {
      file: this.file,
      line: at?.line ?? null,
      column: at?.column ?? null,
      message,
    };
    if (hint) problem.hint = hint;
    this.list.push(problem);
    return null;
  }

  /** A ConfigError thrown by the YAML parser or a tree reader, as a problem. */
  addError(e: ConfigError): null {
    this.list.push({ file: e.file, line: e.line, column: e.column, message: e.detail });
    return null;
  }

  /** For a run: the first problem stops it. */
  throwFirst(): void {
    const [first] = this.list;
    if (first) throw ConfigError.of(first);
  }
}
