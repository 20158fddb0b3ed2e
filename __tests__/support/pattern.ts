// A user pattern (RE2), as settings would hand it on: for tests that build resolver or redactor inputs.
import { mustParse, parsePattern, type Pattern } from '../../src/domain/index.js';

export const pattern = (source: string): Pattern => mustParse(parsePattern, source);
