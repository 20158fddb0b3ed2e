// The result file (SPEC §8): `$RUNNER_TEMP/post-merge-smoke/smoke-result.json`, written through the sinks.
export const RESULT_FILE_NAME = 'smoke-result.json';
