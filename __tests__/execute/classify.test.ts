// The classification table: the termination cause outranks the command's own end, a signal outranks an exit
// code, and the exit code follows the shell convention (128 + n when killed by signal n).
import { describe, expect, it } from '@jest/globals';
import { classify, type AttemptEnd } from '../../src/execute/index.js';

const end = (over: Partial<AttemptEnd>): AttemptEnd => ({
  spawnError: false,
  cause: null,
  code: null,
  signal: null,
  ...over,
});

describe('classify', () => {
  it.each([
    ['spawn error', end({ spawnError: true }), 'ERROR', 'spawn_failed', null],
    [
      'spawn error wins over everything',
      end({ spawnError: true, cause: 'timeout', code: 1 }),
      'ERROR',
      'spawn_failed',
      null,
    ],
    [
      'deadline, killed by SIGTERM',
      end({ cause: 'timeout', signal: 'SIGTERM' }),
      'TIMEOUT',
      'deadline_exceeded',
      143,
    ],
    [
      'deadline, exited during the grace',
      end({ cause: 'timeout', code: 5 }),
      'TIMEOUT',
      'deadline_exceeded',
      5,
    ],
    ['deadline, even with exit 0', end({ cause: 'timeout', code: 0 }), 'TIMEOUT', 'deadline_exceeded', 0],
    ['deadline, never reaped', end({ cause: 'timeout' }), 'TIMEOUT', 'deadline_exceeded', null],
    ['cancellation, SIGKILL', end({ cause: 'cancel', signal: 'SIGKILL' }), 'CANCELLED', 'cancelled', 137],
    ['cancellation, exit 0', end({ cause: 'cancel', code: 0 }), 'CANCELLED', 'cancelled', 0],
    ['a foreign signal', end({ signal: 'SIGSEGV' }), 'FAIL', 'killed_by_signal', 139],
    ['exit 0', end({ code: 0 }), 'PASS', 'exit_zero', 0],
    ['exit 3', end({ code: 3 }), 'FAIL', 'exit_nonzero', 3],
  ] as const)('%s', (_name, input, status, reason, exitCode) => {
    expect(classify(input)).toEqual({ status, reason, exitCode });
  });
});
