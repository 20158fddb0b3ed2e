// Logs for tests: one that says nothing, one that remembers every line.
import type { Log } from '../../src/sinks/index.js';

export function silentLog(): Log {
  return {
    info: () => {},
    notice: () => {},
    warning: () => {},
    error: () => {},
    debug: () => {},
    group: (_title, work) => work(),
  };
}

export interface RecordedLine {
  level: 'info' | 'notice' | 'warning' | 'error' | 'debug' | 'group';
  text: string;
}

export function recordingLog(): { log: Log; lines: RecordedLine[] } {
  const lines: RecordedLine[] = [];
  const at = (level: RecordedLine['level']) => (text: string) => void lines.push({ level, text });
  return {
    lines,
    log: {
      info: at('info'),
      notice: at('notice'),
      warning: at('warning'),
      error: at('error'),
      debug: at('debug'),
      group: (title, work) => {
        lines.push({ level: 'group', text: title });
        return work();
      },
    },
  };
}
