/**
 * The module-format hook answers date-fns's imports as Node itself would: the same files, loaded as
 * ES modules, in a Node with the hook and one without.
 */
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(import.meta.dirname, '../..');
const HOOK = pathToFileURL(resolve(ROOT, 'src/main/module-format-hook.mjs')).href;

/** Where two functions resolve from outside node_modules, and what they compute once loaded. */
const PROBE = `
const first = import.meta.resolve('date-fns/format');
const second = import.meta.resolve('date-fns/addDays');
const { format } = await import('date-fns/format');
const { addDays } = await import('date-fns/addDays');
const { formatISO } = await import('date-fns/formatISO');
console.log(JSON.stringify({
  first, second,
  computed: format(addDays(new Date(2026, 11, 31), 1), 'EEEE d MMMM yyyy') + ' ' + formatISO(new Date(2026, 0, 2), { representation: 'date' }),
}));
`;

function probe(withHook: boolean): { first: string; second: string; computed: string } {
  const args = [...(withHook ? ['--import', HOOK] : []), '--input-type=module', '--eval', PROBE];
  const { NODE_OPTIONS: _, ...env } = process.env;
  return JSON.parse(execFileSync(process.execPath, args, { cwd: ROOT, encoding: 'utf8', env }));
}

describe('the module-format hook', () => {
  it('resolves date-fns to the files Node resolves, and they load and compute alike', () => {
    const without = probe(false);
    const withHook = probe(true);
    expect(withHook).toEqual(without);
    expect(without.first).toMatch(/\/node_modules\/date-fns\/format\.js$/);
    expect(without.computed).toBe('Friday 1 January 2027 2026-01-02');
  });
});
