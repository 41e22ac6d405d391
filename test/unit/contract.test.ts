/**
 * Every method of the contract refuses malformed input — not an object, an unknown field, a
 * missing field, a wrong type, an oversize string or list — with a typed error naming the field,
 * and leaves the database unchanged in content.
 */
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { contract, METHOD_NAMES, ROADMAP_IMPORT_LIMITS } from '../../src/shared/contract.ts';
import { dump, seed, tempCore } from './helpers.ts';

type Schema = z.ZodType & {
  def: Record<string, unknown> & { type: string };
  maxLength?: number | null;
  format?: string | null;
};

const unwrap = (s: Schema): Schema =>
  ['optional', 'nullable', 'nonoptional'].includes(s.def.type) ? unwrap(s.def.innerType as Schema) : s;
const isOptional = (s: Schema) => s.def.type === 'optional';

function arrayMax(s: Schema): number | undefined {
  const checks = (s.def.checks ?? []) as { _zod: { def: { check: string; maximum?: number } } }[];
  return checks.find((c) => c._zod.def.check === 'max_length')?._zod.def.maximum;
}

function arrayMin(s: Schema): number | undefined {
  const checks = (s.def.checks ?? []) as { _zod: { def: { check: string; minimum?: number } } }[];
  return checks.find((c) => c._zod.def.check === 'min_length')?._zod.def.minimum;
}

/** A value the schema accepts (ids need not exist: these calls are refused before the services). */
function sample(schema: Schema, name = ''): unknown {
  const s = unwrap(schema);
  switch (s.def.type) {
    case 'string':
      if (s.format === 'uuid') return '01890a5d-ac96-774b-bcce-b302099a8057';
      if (s.format === 'date') return '2026-11-09';
      if (s.format === 'datetime') return '2026-11-10T15:00:00Z';
      if (/timeZone/i.test(name)) return 'UTC';
      if (name === 'link') return 'https://example.com/issue/1';
      if (name === 'handle') return 'ada';
      if (name === 'month') return '2026-11';
      if (name === 'entity') return 'goal';
      if (name === 'folder') return '/nowhere/synced';
      if (name === 'file') return '/nowhere/x.fortnight-changes';
      if (name === 'remote') return 'https://example.com/team/roadmap.git';
      if (name === 'cursor') return '2026-11-10T15:00:00.000Z~01890a5d-ac96-774b-bcce-b302099a8057';
      return 'x';
    case 'number':
      return 1;
    case 'boolean':
      return true;
    case 'enum':
      return Object.values(s.def.entries as Record<string, string>)[0];
    case 'literal':
      return (s.def.values as unknown[])[0];
    case 'union':
      return sample((s.def.options as Schema[])[0]!, name);
    case 'array':
      return arrayMin(s) ? [sample(s.def.element as Schema, name)] : [];
    case 'record':
      return {};
    case 'object':
      return Object.fromEntries(
        Object.entries(s.def.shape as Record<string, Schema>).map(([k, v]) => [k, sample(v, k)]),
      );
    default:
      throw new Error(`no sample for ${s.def.type}`);
  }
}

function wrongType(schema: Schema): unknown {
  const type = unwrap(schema).def.type;
  return type === 'string' || type === 'enum'
    ? 12345
    : type === 'object' || type === 'record'
      ? 5
      : 'not-this';
}

function oversize(schema: Schema, name: string): unknown {
  const s = unwrap(schema);
  if (s.def.type === 'string' && s.maxLength) return 'x'.repeat(s.maxLength + 1);
  const max = s.def.type === 'array' ? arrayMax(s) : undefined;
  if (max !== undefined) return Array.from({ length: max + 1 }, () => sample(s.def.element as Schema, name));
  return undefined;
}

describe('the contract refuses malformed input and changes nothing', () => {
  it.each(METHOD_NAMES)('%s', async (method) => {
    const core = await tempCore();
    seed(core);
    const before = dump(core.workspace.db);
    const schema = contract[method].input as unknown as Schema;
    const shape = (schema.def.shape ?? {}) as Record<string, Schema>;
    const base = sample(schema) as Record<string, unknown>;
    const expectRefused = (input: unknown, field: string | undefined, why: string) => {
      const result = core.call(method, input);
      expect(result.ok, `${why}: ${JSON.stringify(input).slice(0, 80)}`).toBe(false);
      if (result.ok) return;
      expect(result.error.code, why).toBe('invalid_input');
      expect(result.error.message.length, why).toBeGreaterThan(5);
      if (field) {
        expect(result.error.field, why).toBe(field);
        expect(result.error.message.startsWith(field), why).toBe(true);
      }
    };

    for (const input of [42, 'text', [], true]) expectRefused(input, undefined, 'not an object');
    expectRefused({ ...base, surprise: 1 }, 'surprise', 'unknown field');
    for (const [field, fieldSchema] of Object.entries(shape)) {
      if (!isOptional(fieldSchema)) {
        const { [field]: _dropped, ...missing } = base;
        expectRefused(missing, field, `missing ${field}`);
      }
      expectRefused({ ...base, [field]: wrongType(fieldSchema) }, field, `wrong type for ${field}`);
      const big = oversize(fieldSchema, field);
      if (big !== undefined) {
        const result = core.call(method, { ...base, [field]: big });
        expect(result.ok, `oversize ${field}`).toBe(false);
        if (!result.ok) expect(result.error.field?.split('.')[0], `oversize ${field}`).toBe(field);
      }
    }
    expect(dump(core.workspace.db)).toBe(before);
  });

  it('answers an unknown method with a typed error', async () => {
    const core = await tempCore();
    expect(core.call('goals.explode', {})).toEqual({
      ok: false,
      error: { code: 'unknown_method', message: 'There is no method goals.explode' },
    });
  });

  it('names a nested field by its path', async () => {
    const core = await tempCore();
    const result = core.call('goals.create', { title: 'x', ownerIds: ['not-an-id'] });
    expect(result).toEqual({
      ok: false,
      error: { code: 'invalid_input', message: 'ownerIds.0: must be an id', field: 'ownerIds.0' },
    });
  });
});

describe("a roadmap import's bounds", () => {
  it('refuses files holding more characters in all than ROADMAP_IMPORT_LIMITS allows, naming files', async () => {
    const core = await tempCore();
    const { totalChars, fileChars } = ROADMAP_IMPORT_LIMITS;
    const count = Math.ceil(totalChars / fileChars) + 1;
    const files = Array.from({ length: count }, (_, i) => ({
      path: `p${i}.md`,
      content: 'x'.repeat(fileChars),
    }));
    for (const method of ['roadmap.previewImport', 'roadmap.import'] as const) {
      expect(core.call(method, { files })).toEqual({
        ok: false,
        error: {
          code: 'invalid_input',
          message: `files: must hold at most ${totalChars} characters in all`,
          field: 'files',
        },
      });
    }
  });
});

describe('the native file dialogs', () => {
  it.each([
    ['files.saveAs', { suggestedName: 'summary.md', content: '# x' }],
    ['files.open', { folder: true, extensions: ['md'] }],
  ] as const)(
    '%s answers unsupported outside the desktop app, so the renderer downloads or uploads',
    async (method, input) => {
      const core = await tempCore();
      const result = core.call(method, input);
      expect(result).toMatchObject({ ok: false, error: { code: 'unsupported' } });
    },
  );

  it('refuses a file name with a path in it', async () => {
    const core = await tempCore();
    expect(core.call('files.saveAs', { suggestedName: '../evil.md', content: '' })).toMatchObject({
      ok: false,
      error: { field: 'suggestedName' },
    });
  });
});
