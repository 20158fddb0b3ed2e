// The one list of environment variables whose values are secrets. Their values (and the github-token input)
// are masked in the job log, redacted from everything the action writes, and never reach the smoke command.

export const SECRET_VARIABLES = [
  'ACTIONS_RUNTIME_TOKEN',
  'ACTIONS_ID_TOKEN_REQUEST_TOKEN',
  'GITHUB_TOKEN',
  'GH_TOKEN',
] as const;

/** Secrets shorter than this are ignored: redacting "abc" everywhere would shred the log and hide nothing. */
export const MIN_SECRET_LENGTH = 4;

/** The secret values this process knows: those variables' values and `extra` (the github-token input). */
export function knownSecrets(env: NodeJS.ProcessEnv, extra: readonly string[] = []): string[] {
  const values = [...SECRET_VARIABLES.map((name) => env[name] ?? ''), ...extra];
  return [...new Set(values.filter((v) => v.trim() !== ''))];
}
