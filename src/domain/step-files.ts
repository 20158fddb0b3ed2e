// The runner's files of one step: it reads the file commands after the step (this step's outputs and saved
// state, the environment and PATH of every later step) and shows the summary. The smoke is given none of the
// file commands; the action guards all five while the smoke runs.

/** File commands: written by the step, acted on by the runner when the step ends. */
export const FILE_COMMAND_VARIABLES = ['GITHUB_OUTPUT', 'GITHUB_ENV', 'GITHUB_PATH', 'GITHUB_STATE'] as const;

/** The step's Markdown summary (the smoke may write to it; the action's own section comes first). */
export const SUMMARY_VARIABLE = 'GITHUB_STEP_SUMMARY';
