// Reading a configuration mapping out of the YAML tree: the key checks every configuration file shares.
import { ConfigError, Problems } from './config-error.js';
import { didYouMean } from './did-you-mean.js';
import {
  describeYaml,
  parseYamlSafe,
  type YamlLimits,
  type YamlOrigin,
  type YEntry,
  type YMap,
  type YValue,
} from './yaml-safe.js';

/**
 * The YAML tree of `text` (null: an empty document), or undefined when it is malformed (recorded in `p`).
 */
export function readYaml(
  text: string,
  origin: Omit<YamlOrigin, 'file'>,
  p: Problems,
  limits?: Partial<YamlLimits>,
): YValue | null | undefined {
  try {
    return parseYamlSafe(text, { ...origin, file: p.file }, limits);
  } catch (e) {
    if (!(e instanceof ConfigError)) throw e;
    p.addError(e);
    return undefined;
  }
}

/** Records every key outside `allowed`, naming the key, its line, the accepted keys and a near miss. */
export function checkKeys(map: YMap, allowed: readonly string[], p: Problems, where: string): void {
  for (const e of map.entries) {
    if (!allowed.includes(e.key)) {
      p.add(
        e,
        `unknown key '${e.key}' in ${where}; accepted keys: ${allowed.join(', ')}.`,
        didYouMean(e.key, allowed),
      );
    }
  }
}

export function findEntry(map: YMap, key: string): YEntry | undefined {
  return map.entries.find((e) => e.key === key);
}

/** The entry `key` of `map` when it says something (`key:`, `key: ~` and `key: null` say nothing). */
export function givenEntry(map: YMap, key: string): YEntry | undefined {
  const entry = findEntry(map, key);
  return entry && !isNull(entry.value) ? entry : undefined;
}

export function isNull(v: YValue): boolean {
  return v.kind === 'scalar' && v.value === null;
}

/** `v` as a mapping, or null (recorded); `what` names it in the message ("'profiles'", "the registry"). */
export function expectMap(v: YValue, p: Problems, what: string, shape = ''): YMap | null {
  return v.kind === 'map' ? v : p.add(v, `${what} must be a mapping${shape}, not ${describeYaml(v)}.`);
}

/** A string scalar, trimmed; null when the value is not a string. */
export function stringValue(v: YValue): string | null {
  return v.kind === 'scalar' && typeof v.value === 'string' ? v.value.trim() : null;
}
