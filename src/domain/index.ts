// The domain's values and the user-pattern engine: the vocabulary every other folder speaks.
export * from './values.js';
export { parsePattern, type Pattern, type PatternMatch } from './pattern.js';
export { SECRET_VARIABLES, MIN_SECRET_LENGTH, knownSecrets } from './secrets.js';
export { FILE_COMMAND_VARIABLES, SUMMARY_VARIABLE } from './step-files.js';
export { parsePathGlob, selectedByGlobs, MAX_GLOB_LENGTH, type PathGlob } from './glob.js';
