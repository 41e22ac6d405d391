/** One rule for links: what the contract accepts is what the summary links and the app opens. */
import { describe, expect, it } from 'vitest';
import { polishLine } from '../../src/main/markdown/sprint-summary.ts';
import { isIssueLink, isWebUrl, issueLink } from '../../src/shared/links.ts';
import { must, refused, tempCore } from './helpers.ts';

const ACCEPTED = [
  'acme/app#12',
  'https://github.com/acme/app/issues/12',
  'https://github.com/acme/app/pull/7?x=1#top',
  'https://example.com/tracker/1',
  'HTTP://EXAMPLE.COM/a',
];
const REFUSED = [
  'javascript:alert(1)',
  'data:text/html,<b>x</b>',
  'ftp://example.com',
  '/relative',
  'acme/app',
  'https://example.com/<script>',
  'https://example.com/a b',
  'https://example.com/\u0085',
];

describe('links', () => {
  it('accepts as a polish issue link exactly what reads as one, and stores it', async () => {
    const core = await tempCore();
    for (const link of ACCEPTED) {
      expect(isIssueLink(link), link).toBe(true);
      expect(issueLink(link), link).not.toBeNull();
      expect(must(core, 'polish.create', { title: 'Fix', link }).link).toBe(link);
    }
    for (const link of REFUSED) {
      expect(isIssueLink(link), link).toBe(false);
      expect(issueLink(link), link).toBeNull();
      expect(refused(core, 'polish.create', { title: 'Fix', link }).field).toBe('link');
    }
  });

  it('reads a GitHub issue, by shorthand or by URL, as owner/repo#number', () => {
    expect(issueLink('acme/app#12')).toEqual({
      link: 'acme/app#12',
      label: 'acme/app#12',
      href: 'https://github.com/acme/app/issues/12',
      shorthand: true,
    });
    expect(issueLink(' https://github.com/acme/app/pull/7/ ')).toMatchObject({
      link: 'https://github.com/acme/app/pull/7/',
      label: 'acme/app#7',
      shorthand: false,
    });
    expect(issueLink('https://example.com/tracker/1/')?.label).toBe('example.com/tracker/1');
  });

  it('reads no link from none, or from blanks', () => {
    for (const text of [null, undefined, '', '   ']) expect(issueLink(text), String(text)).toBeNull();
  });

  it('links in the summary every link the contract accepts, and no other', () => {
    for (const link of ACCEPTED) expect(polishLine({ title: 'Fix', link }), link).toMatch(/\]\(https?:/i);
    for (const link of REFUSED) expect(polishLine({ title: 'Fix', link }), link).not.toMatch(/\]\(/);
  });

  it('takes a web link for one only when nothing in it could end a link early', () => {
    expect(isWebUrl('https://example.com/a?b=c')).toBe(true);
    for (const bad of ['https://a.com/"x"<', 'https://a.com/\t', 'mailto:a@b.c', 'https://']) {
      expect(isWebUrl(bad), bad).toBe(false);
    }
  });
});
