// Bounded head/tail capture: exact totals, the marker, UTF-8-safe cuts, and any chunking gives the same text.
import { describe, expect, it } from '@jest/globals';
import {
  HeadTailCapture,
  TailRing,
  incompleteUtf8Suffix,
  leadingContinuationBytes,
  splitBudget,
  truncationMarker,
} from '../../src/execute/index.js';

function capture(
  data: Buffer,
  max: number,
  chunkSizes: number[] = [data.length || 1],
): ReturnType<HeadTailCapture['result']> {
  const c = new HeadTailCapture(max);
  let off = 0;
  let i = 0;
  while (off < data.length) {
    const n = Math.max(1, chunkSizes[i++ % chunkSizes.length]);
    c.write(data.subarray(off, off + n));
    off += n;
  }
  return c.result();
}

/** A deterministic pseudo-random generator, so failures reproduce. */
function rng(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0;
    return s / 2 ** 32;
  };
}

describe('splitBudget', () => {
  it('gives the head floor(max/2) and the tail ceil(max/2)', () => {
    expect(splitBudget(10)).toEqual({ headCap: 5, tailCap: 5 });
    expect(splitBudget(11)).toEqual({ headCap: 5, tailCap: 6 });
    expect(splitBudget(0)).toEqual({ headCap: 0, tailCap: 0 });
  });
});

describe('UTF-8 boundary helpers', () => {
  const euro = Buffer.from('€'); // e2 82 ac
  const emoji = Buffer.from('😀'); // f0 9f 98 80
  it('finds an incomplete character at the end of a range', () => {
    expect(incompleteUtf8Suffix(Buffer.from('abc'), 3)).toBe(0);
    expect(incompleteUtf8Suffix(euro, 3)).toBe(0);
    expect(incompleteUtf8Suffix(euro, 2)).toBe(2);
    expect(incompleteUtf8Suffix(euro, 1)).toBe(1);
    expect(incompleteUtf8Suffix(emoji, 4)).toBe(0);
    expect(incompleteUtf8Suffix(emoji, 3)).toBe(3);
    expect(incompleteUtf8Suffix(Buffer.concat([Buffer.from('a'), emoji]), 2)).toBe(1);
  });
  it('counts continuation bytes at the start of a range', () => {
    expect(leadingContinuationBytes(euro)).toBe(0);
    expect(leadingContinuationBytes(euro.subarray(1))).toBe(2);
    expect(leadingContinuationBytes(emoji.subarray(1))).toBe(3);
    expect(leadingContinuationBytes(Buffer.from('x'))).toBe(0);
  });
});

describe('TailRing', () => {
  it('keeps the last bytes in order across wrap-arounds and oversized chunks', () => {
    const r = new TailRing(5);
    r.write(Buffer.from('abc'));
    expect(r.toBuffer().toString()).toBe('abc');
    r.write(Buffer.from('defg'));
    expect(r.toBuffer().toString()).toBe('cdefg');
    r.write(Buffer.from('h'));
    expect(r.toBuffer().toString()).toBe('defgh');
    r.write(Buffer.from('0123456789'));
    expect(r.toBuffer().toString()).toBe('56789');
    r.write(Buffer.from('xy'));
    expect(r.toBuffer().toString()).toBe('789xy');
  });
});

describe('HeadTailCapture', () => {
  it('keeps short output whole', () => {
    const r = capture(Buffer.from('hello\n'), 64);
    expect(r).toEqual({ text: 'hello\n', totalBytes: 6, truncated: false });
  });

  it('keeps output of exactly max bytes whole', () => {
    const data = Buffer.from('0123456789');
    expect(capture(data, 10, [3])).toEqual({ text: '0123456789', totalBytes: 10, truncated: false });
  });

  it('keeps head and tail with an exact marker', () => {
    const data = Buffer.from('0123456789abcdefghij'); // 20 bytes
    const r = capture(data, 9, [1, 2, 7]);
    expect(r.totalBytes).toBe(20);
    expect(r.truncated).toBe(true);
    expect(r.text).toBe(`0123${truncationMarker(11)}fghij`);
    expect(truncationMarker(11)).toBe('…[11 bytes truncated]…');
  });

  it('drops a multibyte character straddling the head cut whole and counts it', () => {
    // head cap 5: "abcd" + first byte of "€"; the euro sign (3 bytes) is dropped whole.
    const data = Buffer.from('abcd€' + 'x'.repeat(20) + 'wxyz!');
    const r = capture(data, 10, [2]);
    expect(r.text).toBe(`abcd${truncationMarker(data.length - 4 - 5)}wxyz!`);
    expect(r.text).not.toContain('\ufffd');
  });

  it('drops a multibyte character straddling the tail cut whole and counts it', () => {
    // tail cap 5: the last 5 bytes are the last 2 bytes of "😀" + "xyz"; the emoji (4 bytes) is dropped.
    const data = Buffer.from('abcde' + 'x'.repeat(20) + '😀xyz');
    const r = capture(data, 10, [3]);
    expect(r.text).toBe(`abcde${truncationMarker(data.length - 5 - 3)}xyz`);
    expect(r.text).not.toContain('\ufffd');
  });

  it('handles characters straddling both cuts at once', () => {
    const data = Buffer.from('ab€€€€€€€€€€cd€ef');
    for (let max = 2; max < data.length; max++) {
      const r = capture(data, max, [1]);
      expect(r.totalBytes).toBe(data.length);
      expect(r.text).not.toContain('\ufffd');
      const m = /^(.*)…\[(\d+) bytes truncated\]…(.*)$/su.exec(r.text);
      expect(m).not.toBeNull();
      const [, head, dropped, tail] = m!;
      expect(Buffer.byteLength(head) + Number(dropped) + Buffer.byteLength(tail)).toBe(data.length);
      expect(data.subarray(0, Buffer.byteLength(head)).toString()).toBe(head);
      expect(data.subarray(data.length - Buffer.byteLength(tail)).toString()).toBe(tail);
    }
  });

  it('gives the same result whatever the chunking (random multibyte text)', () => {
    const next = rng(42);
    const alphabet = ['a', 'b', '\n', 'é', '€', '😀', 'ß', '中'];
    for (let round = 0; round < 200; round++) {
      let s = '';
      const len = Math.floor(next() * 400);
      for (let i = 0; i < len; i++) s += alphabet[Math.floor(next() * alphabet.length)];
      const data = Buffer.from(s);
      const max = 1 + Math.floor(next() * 120);
      const whole = capture(data, max);
      const chunks = Array.from({ length: 5 }, () => 1 + Math.floor(next() * 50));
      expect(capture(data, max, chunks)).toEqual(whole);
      expect(whole.totalBytes).toBe(data.length);
      expect(whole.text).not.toContain('\ufffd');
      if (data.length <= max) {
        expect(whole.text).toBe(s);
        continue;
      }
      const m = /^(.*)…\[(\d+) bytes truncated\]…(.*)$/su.exec(whole.text)!;
      const headBytes = Buffer.byteLength(m[1]);
      const tailBytes = Buffer.byteLength(m[3]);
      const { headCap, tailCap } = splitBudget(max);
      expect(headCap - headBytes).toBeGreaterThanOrEqual(0);
      expect(headCap - headBytes).toBeLessThanOrEqual(3);
      expect(tailCap - tailBytes).toBeGreaterThanOrEqual(0);
      expect(tailCap - tailBytes).toBeLessThanOrEqual(3);
      expect(headBytes + Number(m[2]) + tailBytes).toBe(data.length);
      expect(s.startsWith(m[1])).toBe(true);
      expect(s.endsWith(m[3])).toBe(true);
    }
  });

  it('works with a zero budget', () => {
    expect(capture(Buffer.from('abc'), 0)).toEqual({
      text: truncationMarker(3),
      totalBytes: 3,
      truncated: true,
    });
    expect(capture(Buffer.alloc(0), 0)).toEqual({ text: '', totalBytes: 0, truncated: false });
  });
});
