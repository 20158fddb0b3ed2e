// Reading a configuration mapping out of the YAML tree: the key checks every configuration file shares.
import { describeYaml, errorAt, type YEntry, type YMap, type YValue } from './yaml-safe.js';

/** Refuses keys outside `allowed`, naming the key, its line and the accepted keys. */
export function checkKeys(map: YMap, allowed: readonly string[], file: string, where: string): void {
  for (const e of map.entries) {
    if (!allowed.includes(e.key)) {
      throw errorAt(file, e, `unknown key '${e.key}' in ${where}; accepted keys: ${allowed.join(', ')}.`);
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

/** `v` as a mapping; `what` names it in the message ("'profiles'", "the registry"). */
export function expectMap(v: YValue, file: string, what: string, shape = ''): YMap {
  if (v.kind !== 'map') throw errorAt(file, v, `${what} must be a mapping${shape}, not ${describeYaml(v)}.`);
  return v;
}

/** A string scalar, trimmed; null when the value is not a string. */
export function stringValue(v: YValue): string | null {
  return v.kind === 'scalar' && typeof v.value === 'string' ? v.value.trim() : null;
}
