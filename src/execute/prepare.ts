// Before anything starts: the working directory must be usable, the command goes into a script file
// (shell.ts), and the child's environment gets a fresh tracking id so the sweep can find its escapees.
import { randomUUID } from 'node:crypto';
import { statSync } from 'node:fs';
import { withTrackingId } from './child-env.js';
import { errText } from './error-text.js';
import { writeScript, type ShellInvocation } from './shell.js';
import type { SmokeSpec } from './types.js';

export interface PreparedAttempt {
  invocation: ShellInvocation;
  cwd: string;
  env: NodeJS.ProcessEnv;
  trackingId: string;
}

/** Everything the spawn needs, or the one sentence that says why the attempt cannot start. */
export function prepareAttempt(spec: SmokeSpec): PreparedAttempt | { problem: string } {
  const problem = checkDirectory(spec.workingDirectory);
  if (problem) return { problem };
  let invocation: ShellInvocation;
  try {
    invocation = writeScript(spec.shell, spec.command, spec.logDir);
  } catch (e) {
    return {
      problem: `Could not write the smoke command's script file in '${spec.logDir}' (${errText(e)}).`,
    };
  }
  const trackingId = randomUUID();
  return { invocation, cwd: spec.workingDirectory, env: withTrackingId(spec.env, trackingId), trackingId };
}

function checkDirectory(dir: string): string | null {
  try {
    if (!statSync(dir).isDirectory()) return `The working directory '${dir}' is not a directory.`;
    return null;
  } catch (e) {
    const code = (e as NodeJS.ErrnoException).code;
    if (code === 'ENOENT' || code === 'ENOTDIR') return `The working directory '${dir}' does not exist.`;
    return `The working directory '${dir}' cannot be used (${errText(e)}).`;
  }
}
