// Inputs and outputs, declared once, and the typed Settings both entry points share.
export * from './inputs.js';
export { OUTPUTS, type OutputDef, type OutputName, type OutputSources } from './outputs.js';
export {
  parseSettings,
  defaultInputs,
  asFlagError,
  inputError,
  type InputError,
  type ParsedSettings,
} from './read.js';
export { runnerContextFromEnv, localContext, runnerOs, runInfo, type RunnerContext } from './context.js';
export { SHELL_NAMES } from './parsers.js';

import { INPUTS } from './inputs.js';
import { OUTPUTS } from './outputs.js';
/** Every input name, in table (and action.yml) order. */
export const INPUT_NAMES = INPUTS.map((row) => row.name);
/** Every output name, in table (and action.yml) order. */
export const OUTPUT_NAMES = OUTPUTS.map((row) => row.name);
