/**
 * Each entity is defined once (src/shared/entities): these tests hold every definition to the
 * database the migrations build, and the contract to the definitions.
 */
import Database from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { migrate } from '../../src/main/db/open.ts';
import { contract, type MethodName } from '../../src/shared/contract.ts';
import {
  ENTITIES,
  ENTITY_NAMES,
  entityField,
  type EntityName,
  type Field,
} from '../../src/shared/entities/index.ts';

function migrated() {
  const db = new Database(':memory:');
  migrate(db);
  return db;
}

interface ColumnInfo {
  name: string;
  type: string;
  notnull: number;
  pk: number;
}

const db = migrated();
const columnsOf = (table: string) =>
  new Map(
    (db.prepare(`SELECT * FROM pragma_table_info(?)`).all(table) as ColumnInfo[]).map((c) => [c.name, c]),
  );
const sqlOf = (table: string) =>
  (
    db.prepare(`SELECT sql FROM sqlite_master WHERE type = 'table' AND name = ?`).get(table) as {
      sql: string;
    }
  ).sql;

/** The schema inside optional and nullable wrappers. */
function inner(schema: z.ZodType): z.ZodType {
  let s = schema;
  while (s instanceof z.ZodOptional || s instanceof z.ZodNullable || s instanceof z.ZodNonOptional)
    s = s.unwrap() as z.ZodType;
  return s;
}

const fieldsOf = (entity: EntityName) => Object.entries(ENTITIES[entity].fields as Record<string, Field>);
const columnFields = (entity: EntityName) =>
  fieldsOf(entity).flatMap(([name, field]) =>
    'column' in field.storage
      ? [{ name, field, column: field.storage.column, type: field.storage.type }]
      : [],
  );

/** The CHECK constraints of a table, by the column they test. */
function checks(table: string) {
  const sql = sqlOf(table);
  const q = (column: string) => `"?${column}"?`;
  return (column: string) => {
    const c = q(column);
    const match = (re: string) => new RegExp(re).exec(sql);
    const inList = match(`CHECK \\(${c} IN \\(([^)]*)\\)\\)`);
    return {
      maxLength: Number(match(`CHECK \\(length\\(${c}\\) <= (\\d+)\\)`)?.[1] ?? NaN),
      notEmpty: match(`CHECK \\(length\\(${c}\\) > 0\\)`) !== null,
      between: match(`CHECK \\(${c} BETWEEN (\\d+) AND (\\d+)\\)`)?.slice(1).map(Number),
      atLeast: match(`CHECK \\(${c} >= (\\d+)\\)`)?.[1],
      above: match(`CHECK \\(${c} > (\\d+)\\)`)?.[1],
      oneOf: inList?.[1]?.split(/,\s*/).map((v) => v.slice(1, -1).replaceAll("''", "'")),
    };
  };
}

describe.each(ENTITY_NAMES)('the definition of %s', (entity) => {
  const { table } = ENTITIES[entity];
  const columns = columnsOf(table);

  it('has its table, keyed by a text id', () => {
    expect(columns.size, `table ${table}`).toBeGreaterThan(0);
    expect(columns.get('id')).toMatchObject({ type: 'TEXT', pk: 1 });
  });

  it('names every column of its table, each with its type and nullability', () => {
    const defined = columnFields(entity);
    expect(new Set(defined.map((f) => f.column))).toEqual(
      new Set([...columns.keys()].filter((c) => c !== 'id')),
    );
    for (const { name, field, column, type } of defined) {
      const info = columns.get(column)!;
      const schema = inner(field.schema);
      const sqlType =
        type === 'number' ? (schema instanceof z.ZodNumber && schema.isInt ? 'INTEGER' : 'REAL') : 'TEXT';
      expect(info.type, `${entity}.${name}: the type of ${table}.${column}`).toBe(sqlType);
      if (type === 'number') expect(schema, `${entity}.${name}`).toBeInstanceOf(z.ZodNumber);
      const nullable = field.schema.safeParse(null).success;
      expect(
        info.notnull === 0,
        `${entity}.${name}: ${table}.${column} is ${info.notnull ? 'NOT NULL' : 'nullable'}`,
      ).toBe(nullable);
    }
  });

  it('keeps its lists of ids in link tables (key, other, ord)', () => {
    for (const [name, { storage }] of fieldsOf(entity)) {
      if (!('link' in storage)) continue;
      const { table: linkTable, key, other } = storage.link;
      const link = columnsOf(linkTable);
      expect([...link.keys()].sort(), `${entity}.${name}: ${linkTable}`).toEqual([key, 'ord', other].sort());
      const references = db.prepare(`SELECT "from", "table" FROM pragma_foreign_key_list(?)`).all(linkTable);
      expect(references, `${linkTable}.${key} references ${table}`).toContainEqual({ from: key, table });
    }
  });

  it("holds the same limits as the table's CHECKs", () => {
    const checked = checks(table);
    for (const { name, field, column, type } of columnFields(entity)) {
      const schema = inner(field.schema);
      const check = checked(column);
      const what = `${entity}.${name} (${table}.${column})`;
      if (type === 'json') continue; // a JSON column's length bounds its text, not the list it holds
      if (!Number.isNaN(check.maxLength)) {
        expect((schema as z.ZodString).maxLength, `${what}: max length`).toBe(check.maxLength);
      }
      if (check.notEmpty) expect((schema as z.ZodString).minLength, `${what}: min length`).toBe(1);
      if (schema instanceof z.ZodEnum) {
        expect(check.oneOf, `${what}: CHECK IN (…)`).toBeDefined();
        expect([...schema.options].sort(), what).toEqual([...check.oneOf!].sort());
      } else expect(check.oneOf, `${what}: an enum in SQL is one in the definition`).toBeUndefined();
      if (check.between) {
        const number = schema as z.ZodNumber;
        expect([number.minValue, number.maxValue], `${what}: range`).toEqual(check.between);
      }
      if (check.atLeast !== undefined)
        expect((schema as z.ZodNumber).minValue, what).toBe(Number(check.atLeast));
      if (check.above !== undefined) {
        const number = schema as z.ZodNumber;
        expect(number.isInt && number.minValue, `${what}: above ${check.above}`).toBe(
          Number(check.above) + 1,
        );
      }
    }
  });
});

describe('the checks of the definitions against the tables', () => {
  it('read the limits written in the migrations', () => {
    // Guards the parsing above: were it to find nothing, every limit would pass unchecked.
    expect(checks('goals')('title')).toMatchObject({ maxLength: 300, notEmpty: true });
    expect(checks('goals')('manual_progress').between).toEqual([0, 100]);
    expect(checks('retro_notes')('column').oneOf).toEqual(['went well', 'to improve', 'ideas', 'kudos']);
    expect(checks('polish_issues')('status').oneOf).toContain("won't fix");
    expect(checks('sprints')('number').above).toBe('0');
    expect(checks('retro_notes')('votes').atLeast).toBe('0');
  });
});

/** Which entity each family of methods writes. */
const WRITES: Record<string, EntityName> = {
  people: 'person',
  goals: 'goal',
  initiatives: 'initiative',
  milestones: 'milestone',
  sprints: 'sprint',
  sprintGoals: 'sprintGoal',
  capacities: 'capacity',
  polish: 'polishIssue',
  retroNotes: 'retroNote',
  actionItems: 'actionItem',
  meeting: 'meeting',
  polls: 'poll',
  updates: 'monthlyUpdate',
};

describe('the contract', () => {
  it("validates each entity's fields with the entity's own schemas", () => {
    let compared = 0;
    for (const method of Object.keys(contract) as MethodName[]) {
      const entity = WRITES[method.split('.')[0]!];
      const input = contract[method].input;
      if (!entity || !contract[method].writes || !(input instanceof z.ZodObject)) continue;
      for (const [key, schema] of Object.entries(input.shape as Record<string, z.ZodType>)) {
        const field = (ENTITIES[entity].fields as Record<string, Field>)[key];
        if (!field || (method === 'meeting.start' && key === 'timeboxes')) continue; // any of the steps
        if (method === 'meeting.update' && key === 'timeboxes') continue;
        expect(inner(schema), `${method}: ${key}`).toBe(inner(field.schema));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(40);
  });

  it('bounds every number it takes', () => {
    const unbounded: string[] = [];
    const visit = (schema: z.ZodType, path: string): void => {
      const s = inner(schema);
      if (s instanceof z.ZodNumber) {
        if (!Number.isFinite(s.minValue) || !Number.isFinite(s.maxValue)) unbounded.push(path);
      } else if (s instanceof z.ZodObject) {
        for (const [key, child] of Object.entries(s.shape as Record<string, z.ZodType>))
          visit(child, `${path}.${key}`);
      } else if (s instanceof z.ZodArray) visit(s.element as z.ZodType, `${path}[]`);
      else if (s instanceof z.ZodRecord) visit(s.valueType as z.ZodType, `${path}{}`);
    };
    for (const method of Object.keys(contract) as MethodName[]) visit(contract[method].input, method);
    expect(unbounded).toEqual([]);
  });

  it('refuses a number out of range with the real range', () => {
    expect(entityField('goal', 'manualProgress').safeParse(1e308).error?.issues).toMatchObject([
      { message: 'must be at most 100' },
    ]);
    expect(
      contract['search.quick'].input.safeParse({ query: 'a', limit: 1e308 }).error?.issues,
    ).toMatchObject([{ path: ['limit'], message: 'must be at most 50' }]);
    expect(
      contract['polish.view'].input.safeParse({ sprintId: crypto.randomUUID(), lastSprints: 0 }).error
        ?.issues,
    ).toMatchObject([{ path: ['lastSprints'], message: 'must be at least 1' }]);
  });
});

describe('entityField', () => {
  it("validates one field's value as the entity defines it", () => {
    expect(entityField('goal', 'title').parse('  Faster\nbuilds ')).toBe('Faster builds');
    expect(entityField('sprintGoal', 'outcome').safeParse('won').success).toBe(false);
    expect(entityField('goal', 'ownerIds').safeParse([crypto.randomUUID()]).success).toBe(true);
    expect(() => entityField('goal', 'colour')).toThrow('goal has no field colour');
  });
});
