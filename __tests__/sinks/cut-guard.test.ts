// Security item 1: output is cut (head/tail capture, on-disk log, the echo's pieces of a long line, the
// redacted copy of a file without line breaks) before it is redacted, so every cut must fall outside a known
// secret and its encoded forms. Property-style: each secret form at every offset around each cut.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadTailCapture, HeadTailLogFile } from '../../src/execute/index.js';
import {
  copyRedacted,
  createLiveEcho,
  redactInPlace,
  Redactor,
  REDACTED,
  secretCutGuard,
} from '../../src/sinks/index.js';

const TOKEN = 'ghs_' + 'CutGuardSecretToken0123456789abcdefgh'.slice(0, 36);
/** No token shape, and characters that end a word: only the known-secret rule can protect it. */
const PASSWORD = 'pR0d.DB-pa55/w0rd+Zq=x';
const b64 = (s: string) => Buffer.from(s, 'utf8').toString('base64');
const redactor = new Redactor({ secrets: [TOKEN, PASSWORD], patterns: [] });

/** The secret forms placed in the output: as themselves and encoded. */
const PLACED: Record<string, string> = {
  token: TOKEN,
  password: PASSWORD,
  'password, base64': b64(PASSWORD),
  'password, URL-encoded': encodeURIComponent(PASSWORD),
  'basic-auth credential': b64(`x-access-token:${TOKEN}`),
};

const FILL = '~';
/** `form` at `offset` in `length` bytes of filler. */
const placed = (form: string, offset: number, length: number) =>
  Buffer.from(FILL.repeat(offset) + form + FILL.repeat(Math.max(0, length - offset - form.length)));

const MARKER = /…\[(\d+) bytes truncated\]…/;

/** What is left of `text` besides filler, `***`, line breaks and the truncation marker: must be nothing. */
function leftovers(text: string): string {
  return text.replace(MARKER, '').split(REDACTED).join('').split(FILL).join('').replace(/\n/g, '');
}

/** A capture's text, redacted, leaves nothing; its head + dropped + tail add up to the total. */
function expectCleanCapture(text: string, total: number): void {
  expect(leftovers(redactor.redact(text))).toBe('');
  const raw = MARKER.exec(text);
  if (raw) {
    const [head, tail] = text.split(raw[0]);
    expect(Buffer.byteLength(head) + Number(raw[1]) + Buffer.byteLength(tail)).toBe(total);
  }
}

/** Every offset at which `length` bytes placed there touch or straddle one of `cuts`. */
function offsetsAround(cuts: number[], length: number): number[] {
  const offsets = new Set<number>();
  for (const cut of cuts) for (let o = Math.max(0, cut - length); o <= cut; o++) offsets.add(o);
  return [...offsets].sort((a, b) => a - b);
}

let tmp: string;
beforeAll(() => {
  tmp = mkdtempSync(join(tmpdir(), 'pms-cut-'));
});
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

describe.each(Object.entries(PLACED))('a known secret (%s) straddling a cut', (_name, form) => {
  it('head/tail capture and on-disk log: at every offset around both cuts, no part of it survives', () => {
    const max = 160; // head 80, tail 80
    const total = 400;
    const path = join(tmp, 'attempt.log');
    for (const offset of offsetsAround([80, total - 80], form.length)) {
      const data = placed(form, offset, total);
      const capture = new HeadTailCapture(max, redactor.cutGuard());
      const log = new HeadTailLogFile(path, max, redactor.cutGuard());
      for (let i = 0; i < data.length; i += 7) {
        capture.write(data.subarray(i, i + 7));
        log.write(data.subarray(i, i + 7));
      }
      const text = capture.result().text;
      expect(log.finish()).toBe(path);
      expect([offset, readFileSync(path, 'utf8')]).toEqual([offset, text]);
      expectCleanCapture(text, total);
    }
  });

  it('live echo of a line longer than a piece: at every offset around the cuts, every written line is clean', () => {
    const total = 700;
    for (const offset of offsetsAround([200, 400, 600], form.length)) {
      const lines: string[] = [];
      const echo = createLiveEcho(redactor, (t) => lines.push(t), { maxLineBytes: 200 });
      const data = placed(form, offset, total);
      for (let i = 0; i < data.length; i += 13) echo.push('stdout', data.subarray(i, i + 13));
      echo.flush();
      // Each write is final (the runner masks whole values within one line only): no re-redaction here.
      expect([offset, leftovers(lines.join(''))]).toEqual([offset, '']);
    }
  });

  it('redacted copy of a file without line breaks: across the piece boundary, no part of it survives', async () => {
    const piece = 256 * 1024;
    // Longer than a piece and the guard's window: the copy is cut once, near `piece`.
    const total = piece + 2048;
    const source = join(tmp, 'raw.log');
    for (const offset of offsetsAround([piece], form.length)) {
      writeFileSync(source, placed(form, offset, total));
      await copyRedacted(source, '', join(tmp, 'copy.log'), redactor);
      expect([offset, leftovers(readFileSync(join(tmp, 'copy.log'), 'utf8'))]).toEqual([offset, '']);
    }
    // In place, the same pieces.
    writeFileSync(source, placed(form, piece - (form.length >> 1), total));
    await redactInPlace(source, redactor);
    expect(leftovers(readFileSync(source, 'utf8'))).toBe('');
  });
});

describe('secretCutGuard', () => {
  const guard = secretCutGuard([PASSWORD]);
  const bytes = (s: string) => Buffer.from(s);

  it('moves a head cut back to the start of a partial secret, and a tail cut past its end', () => {
    expect(guard.trimHead(bytes(`x ${PASSWORD.slice(0, 7)}`))).toBe(7);
    expect(guard.trimTail(bytes(`${PASSWORD.slice(7)} x`))).toBe(PASSWORD.length - 7);
    // A whole secret at the end of a head is left for the redactor.
    expect(guard.trimHead(bytes(`x ${PASSWORD}`))).toBe(0);
  });

  it('moves a head cut back to the start of a token shape, and drops the partial word a tail starts with', () => {
    expect(guard.trimHead(bytes('see ghp_abc'))).toBe('ghp_abc'.length);
    expect(guard.trimHead(bytes('see AKIA12'))).toBe('AKIA12'.length);
    expect(guard.trimTail(bytes('Xy12Ab34Cd56Ef78Gh rest'))).toBe(18);
    // A short partial word leaves too little of a token to matter: ordinary output keeps its bytes.
    expect(guard.trimTail(bytes('00000013\nline 00000000000014'))).toBe(0);
    expect(guard.trimHead(bytes('plain text '))).toBe(0);
    expect(guard.trimTail(bytes(' plain text'))).toBe(0);
  });

  it('follows overlapping secrets: out of one, the cut does not land in another', () => {
    const g = secretCutGuard(['abcdefgh', 'efghijkl']);
    // "abcdefgh" is whole, but moving out of the partial "efgh…" would land inside it.
    expect(g.trimHead(bytes('__abcdefgh'))).toBe(8);
    // Out of a token shape's start into a whole secret: moved out of that too.
    const shape = secretCutGuard(['xyzABgh']);
    expect(shape.trimHead(bytes('__xyzABghp_abc'))).toBe('xyzABghp_abc'.length);
  });
});
