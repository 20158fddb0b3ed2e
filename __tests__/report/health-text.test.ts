// The words main health writes, pure: the summary's rows and suspects table, and the streak issue's texts.
import { describe, expect, it } from '@jest/globals';
import {
  failureComment,
  issueTitle,
  openingBody,
  recoveryComment,
} from '../../src/report/health/issue-text.js';
import type { SuspectReport } from '../../src/report/health/suspects.js';
import { renderSummary, type SummaryContext } from '../../src/report/summary.js';
import { sampleResult, SAMPLE_SHA } from '../support/sample-result.js';

const OTHER = 'fedcba9876543210fedcba9876543210fedcba98';
const HOSTILE = '@octocat <img src=x onerror=alert(1)> | `x` #12';
const suspects: SuspectReport = {
  suspects: [
    { sha: SAMPLE_SHA, subject: HOSTILE, pr_number: 12, author: '@mona' },
    { sha: OTHER, subject: 'Direct push', pr_number: null, author: 'Octo Cat' },
  ],
  lastGreen: '1111111111111111111111111111111111111111',
  note: 'after the last green commit 1111111 (the green ref green (1111111))',
};
const ctx: SummaryContext = {
  serverUrl: 'https://github.com',
  repository: 'octo/repo',
  artifactUrl: null,
  packetPath: null,
  health: {
    greenRef: { branch: 'green', sha: OTHER, outcome: 'unchanged: FAIL is not a fresh PASS (at fedcba9)' },
    suspects,
    issue: { number: 7, url: 'https://github.com/octo/repo/issues/7', outcome: 'opened #7' },
  },
};

/** The text outside <code>…</code> and <pre>…</pre>: where GitHub would render mentions and references. */
const outsideCode = (md: string) =>
  md.replace(/<code>[^<]*<\/code>/g, '').replace(/<pre>[\s\S]*?<\/pre>/g, '');

describe('the summary of main health', () => {
  const md = renderSummary(sampleResult({ status: 'FAIL', merge_commit: SAMPLE_SHA }), ctx);

  it('names the green ref and its commit, the suspects and the issue, linked', () => {
    expect(md).toContain(
      '| Green ref | <code>green</code> at <a href="https://github.com/octo/repo/commit/' +
        `${OTHER}"><code>fedcba9</code></a> — unchanged: FAIL is not a fresh PASS (at fedcba9) |`,
    );
    expect(md).toContain('| Suspects | 2 commits: after the last green commit 1111111');
    expect(md).toContain(
      '| Escalation issue | <a href="https://github.com/octo/repo/issues/7">#7</a> — opened &#35;7 |',
    );
    expect(md).toContain('### Suspects');
    expect(md).toContain('<a href="https://github.com/octo/repo/pull/12">#12</a>');
    expect(md).toMatch(
      /\| <a href="[^"]+"><code>fedcba9<\/code><\/a> \| — \| <code>Octo Cat<\/code> \| <code>Direct push<\/code> \|/,
    );
  });

  it('keeps untrusted subjects and authors inert: no markup, no mention, no extra table cell', () => {
    expect(md).not.toContain('<img');
    expect(outsideCode(md)).not.toContain('@');
    const row = md.split('\n').find((l) => l.includes(SAMPLE_SHA.slice(0, 7)) && l.includes('mona'))!;
    expect(row.split(' | ')).toHaveLength(4);
  });

  it('shows nothing of main health when it is off', () => {
    const plain = renderSummary(sampleResult({ status: 'FAIL' }), { ...ctx, health: null });
    expect(plain).not.toMatch(/Green ref|Suspects|Escalation issue/);
  });
});

describe('the streak issue’s texts', () => {
  const red = sampleResult({
    status: 'FAIL',
    merge_commit: SAMPLE_SHA,
    pr_number: 12,
    base_branch: 'main',
    message: `boom ${HOSTILE}`,
    stderr: `trace\n${HOSTILE}\n`,
    run: {
      repository: 'octo/repo',
      run_id: '9',
      run_attempt: 1,
      url: 'https://github.com/octo/repo/actions/runs/9',
    },
  });
  const text = { result: red, repoUrl: 'https://github.com/octo/repo', suspects };

  it('titles the issue with the first failing commit and its PR, and nothing untrusted', () => {
    expect(issueTitle(red)).toBe('post-merge-smoke: main is red since 0123456 (PR #12)');
    expect(issueTitle({ ...red, base_branch: 'evil<@x>', pr_number: null })).toBe(
      'post-merge-smoke: evil__x_ is red since 0123456',
    );
  });

  it('opens with the verdict, the run, the suspects and the output tail; mentions nobody', () => {
    const body = openingBody(text, 'pr-12::POST_MERGE_SMOKE_FAILED::' + SAMPLE_SHA);
    expect(body.startsWith('<!-- post-merge-smoke:pr-12%3A%3APOST_MERGE_SMOKE_FAILED%3A%3A')).toBe(true);
    expect(body).toContain('<a href="https://github.com/octo/repo/actions/runs/9">the workflow run</a>');
    expect(body).toContain('### Suspects: 2 commits');
    expect(body).toContain('<details><summary>stderr (last lines)</summary>');
    expect(body).not.toContain('<img');
    expect(outsideCode(body)).not.toMatch(/@|#12\b(?!<)/);
    expect(failureComment(text, 'k')).toMatch(/^<!-- post-merge-smoke:k -->\nStill red\./);
  });

  it('closes naming the green commit and how long main was red', () => {
    const green = {
      ...text,
      result: { ...red, status: 'PASS' as const, merge_commit: OTHER, pr_number: 13 },
    };
    const comment = recoveryComment(
      green,
      'GREEN::x',
      '2026-05-09T10:00:00Z',
      new Date('2026-05-09T13:30:00Z'),
    );
    expect(comment).toContain(
      'is green again: the smoke passed on <a href="https://github.com/octo/repo/commit/',
    );
    expect(comment).toContain(
      '<code>fedcba9</code></a> (PR <a href="https://github.com/octo/repo/pull/13">#13</a>)',
    );
    expect(comment).toContain('was red for 3 h 30 min (since <code>2026-05-09T10:00:00Z</code>');
  });
});
