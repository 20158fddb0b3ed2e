// The checked-in JSON Schema files must be exactly what the zod contracts generate.
import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../../src/contracts.js';

describe('schemas/', () => {
  for (const [name, schema] of Object.entries(jsonSchemas())) {
    it(`${name} is fresh (run \`npm run schemas\` after changing src/contracts.ts)`, () => {
      const committed = readFileSync(join(process.cwd(), 'schemas', name), 'utf8');
      expect(JSON.parse(committed)).toEqual(schema);
      expect(committed).toBe(JSON.stringify(schema, null, 2) + '\n');
    });
  }
});
