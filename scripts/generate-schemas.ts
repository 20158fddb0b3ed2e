// Writes schemas/*.schema.json from the zod contracts. `__tests__/unit/schemas.test.ts` fails when they are stale.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { jsonSchemas } from '../src/contracts.js';

const dir = join(import.meta.dirname ?? '.', '..', 'schemas');
mkdirSync(dir, { recursive: true });
for (const [name, schema] of Object.entries(jsonSchemas())) {
  writeFileSync(join(dir, name), JSON.stringify(schema, null, 2) + '\n');
  console.log(`wrote schemas/${name}`);
}
