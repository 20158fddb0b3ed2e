// The §2 policy applied to what resolution found, and the options the command runs with.
import { isAbsolute, resolve as resolvePath } from 'node:path';
import type { CommandSource } from '../../contracts.js';
import { next, stage, stop, type Stage } from '../../pipeline/index.js';
import { applyPolicy, type CommandOptions, type ResolveOutcome } from '../../resolve/index.js';
import { DEFAULT_TIMEOUT_SECONDS, type RunnerContext, type Settings } from '../../settings/index.js';
import type { ModeContext } from '../context.js';

/** What runs, and how. */
export interface Command {
  command: string;
  source: CommandSource;
  profile: string | null;
  shell: string;
  /** Absolute. */
  workingDirectory: string;
  timeoutSeconds: number;
}

export function commandStage(c: ModeContext, outcome: ResolveOutcome): Stage<Command> {
  return stage('apply the policy', async () => {
    const policy = applyPolicy(c.settings.dryRun, outcome);
    if (policy.kind !== 'run') return stop(policy.status, policy.reason, policy.message);
    const command: Command = {
      command: policy.command,
      source: policy.source,
      profile: outcome.profile,
      ...effectiveOptions(c.settings, policy.options, c.runner),
    };
    const from = `${command.source}${command.profile ? `, profile ${command.profile}` : ''}`;
    return next(command, {
      facts: {
        smokeCommand: command.command,
        commandSource: command.source,
        timeoutSeconds: command.timeoutSeconds,
      },
      notes: [{ level: 'info', text: `Smoke command (from ${from}):\n${command.command}` }],
    });
  });
}

/** An explicit input is a choice made in the reviewed workflow file: it wins over the registry. */
export function effectiveOptions(
  s: Settings,
  fromMetadata: CommandOptions,
  ctx: RunnerContext,
): Pick<Command, 'shell' | 'workingDirectory' | 'timeoutSeconds'> {
  const wd = s.workingDirectory ?? fromMetadata.workingDirectory ?? '.';
  return {
    timeoutSeconds: s.timeoutSeconds ?? fromMetadata.timeoutSeconds ?? DEFAULT_TIMEOUT_SECONDS,
    shell: s.shell ?? fromMetadata.shell ?? (ctx.os === 'Windows' ? 'pwsh' : 'bash'),
    workingDirectory: isAbsolute(wd) ? wd : resolvePath(ctx.workspace, wd),
  };
}
