/**
 * How an entity is defined: each field names its zod schema (what a valid value is) and where
 * the store keeps it (a column of the entity's table, or a link table for a list of ids). From
 * that one definition come the row type, the contract's input schemas and the store's SQL.
 */
import { z } from 'zod';
import { id } from './fields.ts';

/** How a column holds a field's value: as is (text, numbers) or as JSON (lists, records). */
export type ColumnType = 'text' | 'number' | 'json';
export interface ColumnStorage {
  column: string;
  type: ColumnType;
}
/** A list of ids kept as rows `(key, other, ord)` of a link table, in order. */
export interface LinkStorage {
  link: { table: string; key: string; other: string };
}
export type Storage = ColumnStorage | LinkStorage;

export interface Field<S extends z.ZodType = z.ZodType> {
  schema: S;
  storage: Storage;
}

export const textColumn = <S extends z.ZodType>(column: string, schema: S): Field<S> => ({
  schema,
  storage: { column, type: 'text' },
});
export const numberColumn = <S extends z.ZodType>(column: string, schema: S): Field<S> => ({
  schema,
  storage: { column, type: 'number' },
});
export const jsonColumn = <S extends z.ZodType>(column: string, schema: S): Field<S> => ({
  schema,
  storage: { column, type: 'json' },
});
export const linkTable = <S extends z.ZodType>(
  table: string,
  key: string,
  other: string,
  schema: S,
): Field<S> => ({ schema, storage: { link: { table, key, other } } });

type Shape<F extends Record<string, Field>> = { id: typeof id } & { [K in keyof F]: F[K]['schema'] };

export interface Entity<F extends Record<string, Field> = Record<string, Field>> {
  table: string;
  fields: F;
  /** A whole row: its id and every field, each as its schema says. */
  schema: z.ZodObject<Shape<F>, z.core.$strict>;
}

export function entity<F extends Record<string, Field>>(table: string, fields: F): Entity<F> {
  const shape = Object.fromEntries(Object.entries(fields).map(([name, field]) => [name, field.schema]));
  return { table, fields, schema: z.strictObject({ id, ...shape } as Shape<F>) };
}
