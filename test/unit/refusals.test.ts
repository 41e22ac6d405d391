/**
 * Every refusal of an input is in the app's words: the field, then what it must be, with the
 * bound the contract sets ("manualProgress: must be at most 100") — never zod's stock English.
 * Checked for hostile values in every field of every method's input.
 */
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { describeIssue } from '../../src/main/api/core.ts';
import { contract, METHOD_NAMES } from '../../src/shared/contract.ts';
import { issueMessage } from '../../src/shared/refusals.ts';
import { tempCore } from './helpers.ts';

type Schema = z.ZodType & { def: Record<string, unknown> & { type: string }; maxLength?: number | null };

const unwrap = (s: Schema): Schema =>
  ['optional', 'nullable', 'nonoptional', 'default', 'pipe'].includes(s.def.type)
    ? unwrap((s.def.innerType ?? s.def.in) as Schema)
    : s;

/** The tightest bound a number's checks set (the safe-integer range when none is). */
function numberBound(s: Schema, check: 'less_than' | 'greater_than'): number {
  const checks = (s.def.checks ?? []) as { _zod: { def: { check: string; value?: number } } }[];
  const values = checks.filter((c) => c._zod.def.check === check).map((c) => c._zod.def.value!);
  return check === 'less_than'
    ? Math.min(Number.MAX_SAFE_INTEGER, ...values)
    : Math.max(Number.MIN_SAFE_INTEGER, ...values);
}

const HOSTILE: unknown[] = [1e308, -1e308, 0.5, -1, '', ' ', 12345, 'not-this', {}, [], [1], true, null];
/** zod's own English: none of it may reach the user. */
const STOCK = /Invalid|expected|received|Too (big|small)|<=|>=|[Uu]nrecognized/;
const OUR_WORDING = /^[\w.]+: (must|is|has|does) /;

describe('refusals name the field and what it must be, for every method', () => {
  it.each(METHOD_NAMES)('%s', (method) => {
    const schema = contract[method].input as unknown as Schema;
    const shape = (unwrap(schema).def.shape ?? {}) as Record<string, Schema>;
    const inputs: [string, Record<string, unknown>][] = [['surprise', { surprise: 1 }]];
    for (const [field, fieldSchema] of Object.entries(shape)) {
      const inner = unwrap(fieldSchema);
      const values = [...HOSTILE];
      if (inner.def.type === 'string' && inner.maxLength) values.push('x'.repeat(inner.maxLength + 1));
      for (const value of values) inputs.push([field, { [field]: value }]);
    }
    for (const [field, input] of inputs) {
      const parsed = contract[method].input.safeParse(input);
      if (parsed.success) continue;
      for (const issue of parsed.error.issues) {
        const { message, field: named } = describeIssue(issue, input);
        const why = `${method} ${JSON.stringify(input).slice(0, 60)}`;
        expect(message, why).toMatch(OUR_WORDING);
        expect(message, why).not.toMatch(STOCK);
        if (issue.path[0] === field) expect(named?.split('.')[0], why).toBe(field);
      }
      // A number out of range names the bound the contract sets, not the safe-integer range.
      const fieldSchema = shape[field] ? unwrap(shape[field]) : undefined;
      if (fieldSchema?.def.type === 'number' && (input[field] === 1e308 || input[field] === -1e308)) {
        const own = parsed.error.issues.find((issue) => issue.path[0] === field)!;
        const first = describeIssue(own, input);
        const high = input[field] === 1e308;
        const limit = numberBound(fieldSchema, high ? 'less_than' : 'greater_than');
        expect(first.message).toBe(`${field}: must be at ${high ? 'most' : 'least'} ${limit}`);
      }
    }
  });
});

describe('the wording', () => {
  const message = (schema: z.ZodType, input: unknown) => {
    const parsed = z.strictObject({ field: schema }).safeParse(input);
    if (parsed.success) throw new Error('accepted');
    return describeIssue(parsed.error.issues[0]!, input).message;
  };

  it('says each kind of refusal plainly', () => {
    expect(message(z.number().int().min(0).max(100), { field: 1e308 })).toBe('field: must be at most 100');
    expect(message(z.number().int().min(1).max(52), { field: -5 })).toBe('field: must be at least 1');
    expect(message(z.number().int(), { field: 0.5 })).toBe('field: must be a whole number');
    expect(message(z.number().lt(10), { field: 10 })).toBe('field: must be less than 10');
    expect(message(z.number().gt(0), { field: 0 })).toBe('field: must be more than 0');
    expect(message(z.number().multipleOf(5), { field: 3 })).toBe('field: must be a multiple of 5');
    expect(message(z.string().max(3), { field: 'abcd' })).toBe('field: must be at most 3 characters');
    expect(message(z.string().min(1), { field: '' })).toBe('field: must not be empty');
    expect(message(z.string().min(2), { field: 'a' })).toBe('field: must be at least 2 characters');
    expect(message(z.string().length(1), { field: 'ab' })).toBe('field: must be exactly 1 character');
    expect(message(z.array(z.string()).max(2), { field: ['a', 'b', 'c'] })).toBe(
      'field: must list at most 2 items',
    );
    expect(message(z.array(z.string()).min(1), { field: [] })).toBe('field: must list at least 1 item');
    expect(message(z.string(), { field: 5 })).toBe('field: must be text');
    expect(message(z.boolean(), { field: 'yes' })).toBe('field: must be true or false');
    expect(message(z.array(z.string()), { field: {} })).toBe('field: must be a list');
    expect(message(z.strictObject({}), { field: [] })).toBe('field: must be an object');
    expect(message(z.string(), {})).toBe('field: is required');
    expect(message(z.enum(['open', 'done']), { field: 'x' })).toBe('field: must be one of: open, done');
    expect(message(z.literal('yes'), { field: 'no' })).toBe('field: must be yes');
    expect(message(z.email(), { field: 'x' })).toBe('field: must be an email address');
    expect(message(z.uuid(), { field: 'x' })).toBe('field: must be an id');
    expect(message(z.iso.date(), { field: 'x' })).toBe('field: must be a date (yyyy-MM-dd)');
    expect(message(z.string().regex(/^a/), { field: 'b' })).toBe('field: is not in the expected format');
    expect(message(z.string().startsWith('a'), { field: 'b' })).toBe('field: must start with a');
    expect(message(z.string(), { field: 'a', other: 1 })).toBe('other: is not a known field');
    expect(message(z.union([z.string(), z.number()]), { field: true })).toBe(
      'field: does not match any of the allowed forms',
    );
    expect(
      message(
        z.string().refine(() => false),
        { field: 'a' },
      ),
    ).toBe('field: is not valid');
    // A schema's own message wins.
    expect(message(z.string().max(3, { error: 'must be short' }), { field: 'abcd' })).toBe(
      'field: must be short',
    );
  });

  it('words an input that is not an object at all, and a field inside a list', () => {
    const parsed = z.strictObject({ ids: z.array(z.uuid()) }).safeParse(42);
    expect(parsed.success).toBe(false);
    if (!parsed.success)
      expect(describeIssue(parsed.error.issues[0]!, 42).message).toBe('input: must be an object');
    expect(issueMessage({ code: 'custom', input: 1, message: '', path: [] } as never)).toBe('is not valid');
  });

  it('reaches the API as the refusal of a real call, which changes nothing', async () => {
    const core = await tempCore();
    expect(
      core.call('polish.view', { sprintId: '01890a5d-ac96-774b-bcce-b302099a8057', lastSprints: 1e308 }),
    ).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'lastSprints: must be at most 52', field: 'lastSprints' },
    });
    expect(
      core.call('goals.create', { title: 'Faster builds', ownerIds: [], manualProgress: 1e308 }),
    ).toEqual({
      ok: false,
      error: {
        code: 'invalid_input',
        message: 'manualProgress: must be at most 100',
        field: 'manualProgress',
      },
    });
    expect(core.call('goals.list', {})).toEqual({ ok: true, value: [] });
  });
});
