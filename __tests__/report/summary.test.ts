import { describe, expect, it } from '@jest/globals';
import { SMOKE_STATUSES } from '../../src/contracts.js';
import { escapeHtml, escapeInline, MAX_SUMMARY_BYTES, renderSummary } from '../../src/report/summary.js';
import { sampleResult, SAMPLE_HEAD_AFTER, SAMPLE_SHA } from '../support/sample-result.js';

const CTX = {
  serverUrl: 'https://github.com',
  repository: 'octo/widgets',
  artifactUrl: 'https://github.com/octo/widgets/actions/runs/4242/artifacts/1000',
  packetPath: '/tmp/post-merge-smoke/escalation/escalation-packet.json',
};

const HOSTILE =
  'ok\n</pre></details><script>alert(1)</script>\n| a | b |\n`code` ```fence```\n' +
  '<details><summary>x</summary>\n\n[click](javascript:alert(1)) **bold** <img src=x onerror=alert(1)>\n' +
  '</textarea></style></script>\n\u001b[31mred\u001b[0m & "quotes" \'single\'\n';

interface Structure {
  tableRows: string[];
  preBlocks: string[][];
  blockTags: string[];
  outside: string[];
}

/**
 * Reads the rendered Markdown the way CommonMark would at block level: a <pre> HTML block runs to the first
 * line containing </pre>, </script>, </style> or </textarea>; everything else is line by line.
 */
function structure(md: string): Structure {
  const s: Structure = { tableRows: [], preBlocks: [], blockTags: [], outside: [] };
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i];
    if (line.startsWith('<pre')) {
      s.blockTags.push('pre');
      const body: string[] = [];
      let j = i + 1;
      while (j < lines.length && !/<\/(pre|script|style|textarea)>/i.test(lines[j])) body.push(lines[j++]);
      expect(lines[j]).toBe('</pre>'); // the block ends exactly where we closed it
      s.preBlocks.push(body);
      i = j;
      continue;
    }
    s.outside.push(line);
    if (line.startsWith('|')) s.tableRows.push(line);
    if (line.startsWith('<details>')) s.blockTags.push('details');
    if (line === '</details>') s.blockTags.push('/details');
  }
  return s;
}

describe('renderSummary', () => {
  it('shows the status, the facts and links', () => {
    const md = renderSummary(sampleResult({ status: 'FAIL', origin_head_after: SAMPLE_HEAD_AFTER }), CTX);
    expect(md.startsWith('## ❌ post-merge-smoke: FAIL\n')).toBe(true);
    expect(md).toContain(
      `<a href="https://github.com/octo/widgets/commit/${SAMPLE_SHA}"><code>0123456</code></a>`,
    );
    expect(md).toContain('<a href="https://github.com/octo/widgets/pull/62">#62</a>');
    expect(md).toContain('<code>task-2512</code>');
    expect(md).toContain('<code>npm run smoke:api</code> from registry');
    expect(md).toContain('| Duration | 12.4 s (timeout 600 s) |');
    expect(md).toContain('| Exit | exit code 3 |');
    expect(md).toContain('fresh (head = merge commit)');
    expect(md).toContain('moved during the run');
    expect(md).toContain('⛔ not ready');
    expect(md).toContain('commit status: pending<br>artifact: pending |');
    expect(md).not.toContain('summary: pending');
    expect(md).toContain(`<a href="${CTX.artifactUrl}">escalation artifact</a>`);
    expect(md).toContain('packet: <code>/tmp/post-merge-smoke/escalation/escalation-packet.json</code>');
    expect(md).toContain('<details><summary>stdout of 17 bytes</summary>');
    expect(md).toContain('<pre>\nrunning smoke\nok\n</pre>');
    expect(md).toContain('<details><summary>stderr (empty)</summary>');
  });

  it.each(SMOKE_STATUSES)('renders a %s result with a well-formed table', (status) => {
    const md = renderSummary(sampleResult({ status }), CTX);
    expect(md).toContain(`post-merge-smoke: ${status}`);
    const s = structure(md);
    for (const row of s.tableRows) expect(row.split('|')).toHaveLength(4);
  });

  it('flags stale runs and flaky passes', () => {
    expect(renderSummary(sampleResult({ status: 'STALE', origin_head: SAMPLE_HEAD_AFTER }), CTX)).toContain(
      '**stale**',
    );
    const attempt = { exit_code: 1, signal: null, status: 'FAIL' as const, duration_ms: 100 };
    const md = renderSummary(
      sampleResult({ flaky: true, attempts: [attempt, { ...attempt, exit_code: 0, status: 'PASS' }] }),
      CTX,
    );
    expect(md).toContain('2: #1 FAIL (exit 1, 100 ms); #2 PASS (exit 0, 100 ms) — **flaky**');
  });

  it('shows where a merge queue candidate waits and what it was built on; no queue row otherwise', () => {
    const headRef = 'refs/heads/gh-readonly-queue/main/pr-31-' + SAMPLE_HEAD_AFTER;
    const md = renderSummary(
      sampleResult({ queue: { head_ref: headRef, base_sha: SAMPLE_HEAD_AFTER } }),
      CTX,
    );
    const row = md.split('\n').find((l) => l.startsWith('| Queue entry |'));
    expect(row).toBe(
      `| Queue entry | candidate on <code>${headRef}</code>, built on ` +
        `<a href="https://github.com/octo/widgets/commit/${SAMPLE_HEAD_AFTER}"><code>${SAMPLE_HEAD_AFTER.slice(0, 7)}</code></a> |`,
    );
    const hostile = renderSummary(sampleResult({ queue: { head_ref: 'x | <b>y</b>', base_sha: null } }), CTX);
    expect(hostile).toContain('| Queue entry | candidate on <code>x &#124; &lt;b&gt;y&lt;/b&gt;</code> |');
    expect(renderSummary(sampleResult(), CTX)).not.toContain('Queue entry');
  });

  it('captured output and untrusted strings cannot break out of their blocks or cells', () => {
    const result = sampleResult({
      status: 'FAIL',
      stdout: HOSTILE,
      stderr: HOSTILE,
      smoke_command: `npm test -- --grep "a|b" \`whoami\` </code></td><script>x</script>\n${HOSTILE}`,
      message: `Failed: ${HOSTILE}`,
      task_id: 'task-1|`x`',
      profile: '<b>p</b>',
      continuation: { allow_continuation: false, reason: HOSTILE },
      reporting: { ...sampleResult().reporting, commit_status: HOSTILE, artifact: 'failed: <x>' },
    });
    const md = renderSummary(result, CTX);
    const s = structure(md);

    // Blocks: stdout, stderr and the multi-line command, each <details> → <pre> → </pre> → </details>.
    expect(s.blockTags).toEqual([
      'details',
      'pre',
      '/details',
      'details',
      'pre',
      '/details',
      'details',
      'pre',
      '/details',
    ]);
    // Inside <pre>: no markup at all, every special character escaped.
    for (const body of s.preBlocks) {
      for (const line of body) {
        expect(line).not.toMatch(/[<>"']/);
        expect(line).not.toContain('\u001b');
      }
    }
    const stdoutPre = s.preBlocks[1].join('\n');
    expect(stdoutPre).toContain('&lt;/pre&gt;&lt;/details&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(stdoutPre).toContain('&amp; &quot;quotes&quot; &#39;single&#39;');
    expect(stdoutPre).toContain('red'); // ANSI colour codes stripped, text kept

    // Outside <pre>: the table keeps its two columns, and no raw HTML/Markdown from the input survives.
    for (const row of s.tableRows) expect(row.split('|')).toHaveLength(4);
    const outside = s.outside.join('\n');
    expect(outside).not.toContain('<script');
    expect(outside).not.toContain('<img');
    expect(outside).not.toContain('<b>');
    expect(outside).not.toContain('`');
    expect(outside).not.toContain('](javascript');
    expect(outside).not.toContain('**bold**');
    expect(outside).not.toMatch(/<\/?(pre|textarea|style|script)\b/);
    expect(outside).toContain('<code>task-1&#124;&#96;x&#96;</code>');
    expect(outside).toContain('<code>&lt;b&gt;p&lt;/b&gt;</code>');
    // Only our own tags appear outside <pre>.
    const tags = new Set([...outside.matchAll(/<\/?([a-z]+)/g)].map((m) => m[1]));
    expect([...tags].sort()).toEqual(['a', 'br', 'code', 'details', 'summary']);
  });

  it('is a pure function of its input', () => {
    const result = sampleResult({ status: 'FAIL' });
    expect(renderSummary(result, CTX)).toBe(renderSummary(result, CTX));
  });

  it('shows only the last ~8 KiB of each stream', () => {
    const stdout = 'first line\n' + 'z'.repeat(50_000) + '\nlast line\n';
    const md = renderSummary(sampleResult({ status: 'FAIL', stdout, stdout_bytes: 60_000 }), CTX);
    expect(md).toContain('last line');
    expect(md).not.toContain('first line');
    expect(md).toContain('stdout — last 8.0 KiB of 60000 bytes');
  });

  it('stays under 1 MiB with huge fields everywhere', () => {
    const huge = '<&>"\''.repeat(400_000);
    const result = sampleResult({
      status: 'ERROR',
      reason: 'internal_error',
      message: huge,
      smoke_command: huge + '\n' + huge,
      stdout: huge,
      stderr: huge,
      task_id: huge,
      profile: huge,
      base_branch: huge,
      continuation: { allow_continuation: false, reason: huge },
      reporting: {
        commit_status: huge,
        artifact: huge,
        summary: huge,
        green_ref: huge,
        escalation_issue: huge,
        result_artifact: huge,
      },
      attempts: Array.from({ length: 1000 }, () => ({
        exit_code: 1,
        signal: huge,
        status: 'FAIL' as const,
        duration_ms: 1,
      })),
    });
    const md = renderSummary(result, { ...CTX, packetPath: huge, artifactUrl: `https://x/${huge}` });
    expect(Buffer.byteLength(md)).toBeLessThan(MAX_SUMMARY_BYTES);
    expect(Buffer.byteLength(md)).toBeLessThan(1024 * 1024);
    const s = structure(md);
    for (const row of s.tableRows) expect(row.split('|')).toHaveLength(4);
  });

  it('links nothing when the repository is unknown or odd', () => {
    const md = renderSummary(sampleResult(), {
      ...CTX,
      repository: null,
      artifactUrl: 'javascript:alert(1)',
    });
    expect(md).not.toContain('/commit/');
    expect(md).not.toContain('/pull/');
    expect(md).not.toContain('javascript:');
    expect(md).toContain('<code>0123456</code>');
  });
});

describe('escaping helpers', () => {
  it('escapeHtml escapes & < > " \'', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('escapeInline neutralises table pipes, backticks, Markdown punctuation and newlines', () => {
    expect(escapeInline('a|b `c` *d* _e_ [f](g) \\ ~h~ !i #j\r\nk')).toBe(
      'a&#124;b &#96;c&#96; &#42;d&#42; &#95;e&#95; &#91;f&#93;(g) &#92; &#126;h&#126; &#33;i &#35;j<br>k',
    );
  });

  it("escapeInline escapes each character once: ' shows as ', not as &#39; (security item 9)", () => {
    expect(escapeInline(`it's "a" <b> & #1`)).toBe('it&#39;s &quot;a&quot; &lt;b&gt; &amp; &#35;1');
    const result = sampleResult({ status: 'FAIL', reason: 'exit_nonzero' });
    result.continuation.reason = "The smoke command's exit code was 1";
    const md = renderSummary(result, CTX);
    expect(md).toContain('command&#39;s exit code');
    expect(md).not.toContain('&amp;#');
    expect(md).not.toContain('&&#35;');
  });
});
