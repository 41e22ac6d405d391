/**
 * The Polish screen's reads on real SQLite: `polish.page` pages through polish issues by status,
 * by the words of their titles, oldest or newest first, with the total of every page;
 * `polish.counts` counts them per status; `polish.get` answers one; `polish.list` finds them by
 * link. Bad input is refused naming the field.
 */
import { describe, expect, it } from 'vitest';
import type { Core } from '../../src/main/api/core.ts';
import type { PolishStatus } from '../../src/shared/domain.ts';
import { must, refused, seed, tempCore } from './helpers.ts';

/** 25 polish issues a minute apart: 10 open, 5 in progress, 8 done, 2 won't fix. */
async function polished() {
  const core = await tempCore();
  const { ada } = seed(core);
  let now = Date.parse('2026-11-10T09:00:00Z');
  core.workspace.now = () => new Date(now);
  const statuses: PolishStatus[] = [
    ...Array<PolishStatus>(10).fill('open'),
    ...Array<PolishStatus>(5).fill('in progress'),
    ...Array<PolishStatus>(8).fill('done'),
    ...Array<PolishStatus>(2).fill("won't fix"),
  ];
  const titles = statuses.map((status, i) => {
    now += 60_000;
    const title = `${i % 3 === 0 ? 'Typo in' : 'Slow'} page ${i} (${status})`;
    must(core, 'polish.create', {
      title,
      status,
      assigneeId: status === 'in progress' ? ada.id : null,
    });
    return title;
  });
  return { core, titles };
}

const titlesOf = (core: Core, input: Parameters<typeof must<'polish.page'>>[2]) =>
  must(core, 'polish.page', input).items.map((i) => i.title);

describe('polish.page', () => {
  it('answers the working set in creation order, with its total and no next page', async () => {
    const { core, titles } = await polished();
    const page = must(core, 'polish.page', { status: ['open', 'in progress'] });
    expect(page.items.map((i) => i.title)).toEqual(titles.slice(0, 15));
    expect(page.total).toBe(15);
    expect(page.nextCursor).toBeNull();
  });

  it('pages with the cursor until the last page, every issue once', async () => {
    const { core, titles } = await polished();
    const seen: string[] = [];
    let cursor: string | undefined;
    for (let pages = 1; ; pages++) {
      const page = must(core, 'polish.page', { limit: 7, ...(cursor ? { cursor } : {}) });
      expect(page.total).toBe(25);
      expect(page.items.length).toBeLessThanOrEqual(7);
      seen.push(...page.items.map((i) => i.title));
      if (!page.nextCursor) {
        expect(pages).toBe(4);
        break;
      }
      cursor = page.nextCursor;
    }
    expect(seen).toEqual(titles);
  });

  it('pages the history newest first', async () => {
    const { core, titles } = await polished();
    const history = titles.slice(15).reverse();
    const first = must(core, 'polish.page', {
      status: ['done', "won't fix"],
      order: 'newest first',
      limit: 6,
    });
    expect(first.items.map((i) => i.title)).toEqual(history.slice(0, 6));
    expect(first.total).toBe(10);
    const second = must(core, 'polish.page', {
      status: ['done', "won't fix"],
      order: 'newest first',
      limit: 6,
      cursor: first.nextCursor!,
    });
    expect(second.items.map((i) => i.title)).toEqual(history.slice(6));
    expect(second.nextCursor).toBeNull();
  });

  it('finds issues by the words of their titles, in any case, with % and _ taken literally', async () => {
    const { core, titles } = await polished();
    const typos = titles.filter((t) => t.startsWith('Typo') && t.endsWith('(done)'));
    expect(typos.length).toBeGreaterThan(0);
    expect(titlesOf(core, { status: ['done'], query: '  typo   DONE ' })).toEqual(typos);
    expect(must(core, 'polish.page', { query: 'typo' }).total).toBe(
      titles.filter((t) => t.startsWith('Typo')).length,
    );
    must(core, 'polish.create', { title: '100% slow_start' });
    expect(titlesOf(core, { query: '0%' })).toEqual(['100% slow_start']);
    expect(titlesOf(core, { query: 'w_s' })).toEqual(['100% slow_start']);
    expect(titlesOf(core, { query: 'nothing like this' })).toEqual([]);
  });

  it('refuses bad input naming the field', async () => {
    const { core } = await polished();
    expect(refused(core, 'polish.page', { status: [] })).toMatchObject({
      field: 'status',
      message: 'status: must name at least one status',
    });
    expect(refused(core, 'polish.page', { status: ['closed'] }).field).toBe('status.0');
    expect(refused(core, 'polish.page', { limit: 0 }).field).toBe('limit');
    expect(refused(core, 'polish.page', { limit: 1001 })).toMatchObject({
      field: 'limit',
      message: 'limit: must be at most 1000',
    });
    expect(refused(core, 'polish.page', { cursor: 'page 2' })).toMatchObject({
      field: 'cursor',
      message: "cursor: must be a page's nextCursor",
    });
    expect(refused(core, 'polish.page', { order: 'by size' }).field).toBe('order');
    expect(refused(core, 'polish.page', { query: 'x'.repeat(301) }).field).toBe('query');
  });
});

describe('polish.counts', () => {
  it('counts every status, 0 included, and only the matching titles with a query', async () => {
    const { core, titles } = await polished();
    expect(must(core, 'polish.counts', {})).toEqual({ open: 10, 'in progress': 5, done: 8, "won't fix": 2 });
    const typo = (status: string) =>
      titles.filter((t) => t.startsWith('Typo') && t.endsWith(`(${status})`)).length;
    expect(must(core, 'polish.counts', { query: 'TYPO' })).toEqual({
      open: typo('open'),
      'in progress': typo('in progress'),
      done: typo('done'),
      "won't fix": typo("won't fix"),
    });
    expect(must(core, 'polish.counts', { query: 'nothing like this' })).toEqual({
      open: 0,
      'in progress': 0,
      done: 0,
      "won't fix": 0,
    });
    expect(refused(core, 'polish.counts', { status: 'open' }).field).toBe('status');
  });
});

describe('polish.get', () => {
  it('answers one issue by its id, and refuses one that is not there, or deleted, naming the id', async () => {
    const { core } = await polished();
    const [first] = must(core, 'polish.page', { limit: 1 }).items;
    expect(must(core, 'polish.get', { id: first!.id })).toEqual(first);
    must(core, 'polish.delete', { id: first!.id });
    expect(refused(core, 'polish.get', { id: first!.id })).toMatchObject({ code: 'not_found', field: 'id' });
    expect(refused(core, 'polish.get', {}).field).toBe('id');
  });
});

describe('polish.list by link', () => {
  it('answers the issues with exactly that link, and refuses one that is no link, naming the field', async () => {
    const { core } = await polished();
    const first = must(core, 'polish.create', { title: 'Hint', link: 'acme/app#12' });
    const again = must(core, 'polish.create', { title: 'Hint again', link: 'acme/app#12', status: 'done' });
    must(core, 'polish.create', { title: 'Another', link: 'acme/app#123' });
    expect(must(core, 'polish.list', { link: 'acme/app#12' }).map((i) => i.id)).toEqual([first.id, again.id]);
    expect(must(core, 'polish.list', { link: 'acme/app#1' })).toEqual([]);
    expect(refused(core, 'polish.list', { link: 'not a link' }).field).toBe('link');
  });
});
