// Schema checks for what we publish: a readable error instead of a zod dump.
import type { z } from 'zod';
import {
  ESCALATION_PACKET_SCHEMA_ID,
  EscalationPacket,
  SMOKE_RESULT_SCHEMA_ID,
  SmokeResult,
} from '../contracts.js';

/** One line per issue: `  - path.to.field: message`. */
export function formatIssues(error: z.ZodError): string {
  return error.issues
    .map((i) => `  - ${i.path.length > 0 ? i.path.map(String).join('.') : '(root)'}: ${i.message}`)
    .join('\n');
}

/** Checks `value` against the SmokeResult schema; throws an Error listing every issue. */
export function validateResult(value: unknown): SmokeResult {
  const parsed = SmokeResult.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(`SmokeResult does not match ${SMOKE_RESULT_SCHEMA_ID}:\n${formatIssues(parsed.error)}`);
}

/** Checks `value` against the EscalationPacket schema; throws an Error listing every issue. */
export function validatePacket(value: unknown): EscalationPacket {
  const parsed = EscalationPacket.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new Error(
    `EscalationPacket does not match ${ESCALATION_PACKET_SCHEMA_ID}:\n${formatIssues(parsed.error)}`,
  );
}
