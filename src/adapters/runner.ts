// The runner protocol through @actions/core: outputs, masks, annotations, groups, the job summary. (Under
// GitHub's local debugger, @github/local-action, this same module is stubbed and everything still works.)
import * as core from '@actions/core';
import type { AnnotationProps, RunnerPort } from '../sinks/index.js';
import { guardStepFiles } from './step-files.js';

function coreProps(props: AnnotationProps | undefined): core.AnnotationProperties | undefined {
  if (!props) return undefined;
  return { title: props.title, file: props.file, startLine: props.line, startColumn: props.column };
}

export function coreRunnerPort(env: NodeJS.ProcessEnv = process.env): RunnerPort {
  return {
    info: (text) => core.info(text),
    notice: (text, props) => core.notice(text, coreProps(props)),
    warning: (text, props) => core.warning(text, coreProps(props)),
    error: (text, props) => core.error(text, coreProps(props)),
    debug: (text) => core.debug(text),
    startGroup: (title) => core.startGroup(title),
    endGroup: () => core.endGroup(),
    setOutput: (name, value) => core.setOutput(name, value),
    appendSummary: env.GITHUB_STEP_SUMMARY
      ? async (markdown) => {
          await core.summary.addRaw(markdown, true).write();
        }
      : null,
    write: (text) => void process.stdout.write(text),
    guardStepFiles: () => guardStepFiles(env),
  };
}

/** Masks a value in the job log from now on. */
export function maskSecret(value: string): void {
  core.setSecret(value);
}

/**
 * An input as the runner gave it, or undefined when the runner set no variable for it (then the inputs
 * table's default applies, as action.yml's would: GitHub's local debugger does not apply them all).
 */
export function readInput(name: string, env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env[`INPUT_${name.replace(/ /g, '_').toUpperCase()}`] === undefined) return undefined;
  return core.getInput(name, { trimWhitespace: false });
}
