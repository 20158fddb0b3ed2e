import { describe, expect, it } from '@jest/globals';
import {
  createLiveEcho,
  looksLikeWorkflowCommand,
  resumeCommandsLine,
  stopCommandsLine,
  stopCommandsToken,
  withWorkflowCommandsStopped,
  Redactor,
  REDACTED,
} from '../../src/sinks/index.js';

const SECRET = 'super-secret-token-value';
const redactor = () => new Redactor({ secrets: [SECRET], patterns: [] });

function capture() {
  const writes: string[] = [];
  return { writes, write: (t: string) => writes.push(t), text: () => writes.join('') };
}

describe('createLiveEcho', () => {
  it('writes complete lines only, buffering partial lines per stream', () => {
    const out = capture();
    const echo = createLiveEcho(redactor(), out.write);
    echo.push('stdout', Buffer.from('hel'));
    echo.push('stderr', Buffer.from('err partial'));
    expect(out.text()).toBe('');
    echo.push('stdout', Buffer.from('lo\nwor'));
    expect(out.text()).toBe('hello\n');
    echo.push('stderr', Buffer.from(' done\n'));
    expect(out.text()).toBe('hello\nerr partial done\n');
    echo.flush();
    expect(out.text()).toBe('hello\nerr partial done\nwor\n');
    echo.flush(); // idempotent
    expect(out.text()).toBe('hello\nerr partial done\nwor\n');
  });

  it('redacts a secret split across chunks (lines are redacted whole)', () => {
    const out = capture();
    const echo = createLiveEcho(redactor(), out.write);
    echo.push('stdout', Buffer.from(`token: ${SECRET.slice(0, 10)}`));
    echo.push('stdout', Buffer.from(`${SECRET.slice(10)} ok\r\n`));
    expect(out.text()).toBe(`token: ${REDACTED} ok\n`);
  });

  it('does not split a multi-byte character across chunks', () => {
    const out = capture();
    const echo = createLiveEcho(redactor(), out.write);
    const bytes = Buffer.from('päss ✓\n');
    for (const b of bytes) echo.push('stdout', Buffer.from([b]));
    expect(out.text()).toBe('päss ✓\n');
  });

  it('follows a PEM key across lines', () => {
    const out = capture();
    const echo = createLiveEcho(redactor(), out.write);
    echo.push(
      'stdout',
      Buffer.from(
        '-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASC\n-----END PRIVATE KEY-----\nok\n',
      ),
    );
    expect(out.text()).toBe(`${REDACTED}\n${REDACTED}\n${REDACTED}\nok\n`);
  });

  it('writes a very long line in pieces, on character boundaries', () => {
    const out = capture();
    const echo = createLiveEcho(redactor(), out.write, { maxLineBytes: 100 });
    const line = 'é'.repeat(120); // 240 bytes
    echo.push('stdout', Buffer.from(line));
    // Pending never grows past the limit: pieces are written before the newline arrives.
    expect(out.writes.length).toBeGreaterThan(0);
    echo.push('stdout', Buffer.from('\n'));
    const pieces = out.text().split('\n').filter(Boolean);
    expect(pieces.join('')).toBe(line);
    for (const p of pieces) expect(Buffer.byteLength(p)).toBeLessThanOrEqual(100);
  });

  it('stops echoing a stream after maxEchoBytes with one notice, and drops the rest', () => {
    const out = capture();
    const echo = createLiveEcho(redactor(), out.write, { maxEchoBytes: 50 });
    for (let i = 0; i < 20; i++) echo.push('stdout', Buffer.from(`line ${i}\n`));
    echo.push('stdout', Buffer.from('partial'));
    echo.flush();
    const lines = out.text().split('\n').filter(Boolean);
    const notices = lines.filter((l) => l.includes('echo stopped'));
    expect(notices).toEqual([
      '…stdout echo stopped after 49 bytes (limit 50); the output is still captured: head and tail in the result, the full head/tail log in the artifact.',
    ]);
    expect(lines.filter((l) => l.startsWith('line '))).toHaveLength(7);
    const stats = echo.stats();
    expect(stats.stdout.stopped).toBe(true);
    expect(stats.stdout.echoedBytes).toBe(49);
    expect(stats.stdout.echoedBytes + stats.stdout.droppedBytes).toBe(10 * 7 + 10 * 8 + 'partial'.length); // every byte counted
    // stderr has its own budget.
    echo.push('stderr', Buffer.from('still here\n'));
    expect(out.text().endsWith('still here\n')).toBe(true);
  });

  it('prefixes stderr lines only when asked', () => {
    const out = capture();
    const echo = createLiveEcho(redactor(), out.write, { stderrPrefix: '[stderr] ' });
    echo.push('stderr', Buffer.from('oops\n'));
    echo.push('stdout', Buffer.from('fine\n'));
    expect(out.text()).toBe('[stderr] oops\nfine\n');
  });

  it('batches the lines of one chunk into one write', () => {
    const out = capture();
    const echo = createLiveEcho(redactor(), out.write);
    echo.push('stdout', Buffer.from('a\nb\nc\n'));
    expect(out.writes).toEqual(['a\nb\nc\n']);
  });
});

describe('stop-commands wrapping', () => {
  it('tokens are unguessable and unique', () => {
    const a = stopCommandsToken();
    expect(a).toMatch(/^[0-9a-f]{32}$/);
    expect(stopCommandsToken()).not.toBe(a);
  });

  it('wraps the command so its workflow commands are not interpreted, even when it throws', async () => {
    const out = capture();
    const token = 'fixedtoken';
    const echo = createLiveEcho(redactor(), out.write);
    await withWorkflowCommandsStopped(
      out.write,
      async () => {
        echo.push('stdout', Buffer.from('::set-output name=status::PASS\n::add-mask::x\n::error::fake\n'));
        echo.flush();
      },
      token,
    );
    expect(out.text()).toBe(
      '::stop-commands::fixedtoken\n::set-output name=status::PASS\n::add-mask::x\n::error::fake\n::fixedtoken::\n',
    );
    // Every injected command sits strictly between the stop and the resume lines.
    const lines = out.text().split('\n');
    const stop = lines.indexOf(stopCommandsLine(token).trim());
    const resume = lines.indexOf(resumeCommandsLine(token).trim());
    for (const cmd of ['::set-output', '::add-mask::', '::error::']) {
      const i = lines.findIndex((l) => l.startsWith(cmd));
      expect(i).toBeGreaterThan(stop);
      expect(i).toBeLessThan(resume);
    }

    const out2 = capture();
    await expect(
      withWorkflowCommandsStopped(out2.write, async () => {
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(out2.writes).toHaveLength(2);
    expect(out2.writes[1]).toMatch(/^::[0-9a-f]{32}::\n$/);
    expect(out2.writes[0]).toBe(`::stop-commands::${out2.writes[1].slice(2, 34)}\n`);
  });
});

describe('looksLikeWorkflowCommand (security item 5)', () => {
  it('sees a command after any white space the runner trims, the legacy form anywhere', () => {
    for (const lead of ['', ' ', '\t', '\v', '\f', '\u0085', '\u00a0', '\u2003', '\u3000', '\r']) {
      expect([lead, looksLikeWorkflowCommand(`denied\n${lead}::error::pwned`)]).toEqual([lead, true]);
    }
    expect(looksLikeWorkflowCommand('::stop-commands::x')).toBe(true);
    expect(looksLikeWorkflowCommand('text ##[error]x')).toBe(true);
  });

  it('leaves ordinary text alone', () => {
    expect(looksLikeWorkflowCommand('Freshness (api): Merge commit abc is the head')).toBe(false);
    expect(looksLikeWorkflowCommand('std::vector<int> in the middle of a line')).toBe(false);
  });
});
