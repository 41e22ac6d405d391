/**
 * A fuzz pass over every method of the contract (fast-check): malformed and random inputs —
 * made of the method's own field names, real ids, boundary numbers and arbitrary JSON — never
 * crash the core or the host, never answer 5xx or an internal error, and a refused call leaves
 * the workspace exactly as it was.
 */
import fc from 'fast-check';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { startHost } from '../../src/main/web/host.ts';
import { contract, METHOD_NAMES, type MethodName } from '../../src/shared/contract.ts';
import {
  ACTION_STATUSES,
  MEETING_STEPS,
  OUTCOMES,
  POLISH_SIZES,
  POLISH_STATUSES,
  RETRO_COLUMNS,
  ROLES,
  STATES,
} from '../../src/shared/domain.ts';
import { dump, seed, tempCore, tempDir, workerCore } from './helpers.ts';

const RUNS_PER_METHOD = 25;

type Schema = z.ZodType & { def: Record<string, unknown> & { type: string } };
const fieldsOf = (method: MethodName): string[] =>
  Object.keys(((contract[method].input as unknown as Schema).def.shape ?? {}) as object);

/** Values a real call might carry, and values at and past every edge. */
function value(ids: string[]): fc.Arbitrary<unknown> {
  return fc.oneof(
    fc.constantFrom(
      ...ids,
      ...STATES,
      ...ROLES,
      ...OUTCOMES,
      ...POLISH_SIZES,
      ...POLISH_STATUSES,
      ...RETRO_COLUMNS,
      ...ACTION_STATUSES,
      ...MEETING_STEPS,
      '2026-11-09',
      '2026-11-23',
      '2026-11-10T15:00:00Z',
      'UTC',
      'Europe/Berlin',
      'https://example.com/x',
      'owner/repo#1',
      '',
      ' ',
      '../../etc/passwd',
      '<script>alert(1)</script>',
      1e308,
      -1e308,
      -1,
      0,
      1,
      100,
      101,
      0.5,
      Number.MAX_SAFE_INTEGER + 2,
      null,
      true,
      false,
    ),
    fc.string(),
    fc.integer(),
    fc.double({ noNaN: true }),
    fc.array(fc.constantFrom(...ids), { maxLength: 4 }),
    fc.jsonValue({ maxDepth: 3 }),
  );
}

/** An input for `method`: mostly its own fields with random values, sometimes anything at all. */
function input(method: MethodName, ids: string[]): fc.Arbitrary<unknown> {
  const fields = [...fieldsOf(method), 'surprise'];
  const record = fc
    .uniqueArray(fc.constantFrom(...fields), { maxLength: fields.length })
    .chain((keys) =>
      fc
        .tuple(...keys.map(() => value(ids)))
        .map((values) => Object.fromEntries(keys.map((k, i) => [k, values[i]]))),
    );
  return fc.oneof({ arbitrary: record, weight: 4 }, { arbitrary: fc.anything(), weight: 1 });
}

describe('fuzzing every method', () => {
  it(`never crashes, never fails inside, and a refusal changes nothing (${RUNS_PER_METHOD} inputs a method)`, async () => {
    const core = await tempCore();
    const seeded = seed(core);
    const ids = [
      seeded.ada.id,
      seeded.bo.id,
      seeded.goal.id,
      seeded.cache.id,
      seeded.remote.id,
      seeded.sprint.id,
    ];
    let calls = 0;
    let refusals = 0;
    for (const method of METHOD_NAMES) {
      fc.assert(
        fc.property(input(method, ids), (candidate) => {
          const before = dump(core.workspace.db);
          const result = core.call(method, candidate);
          calls++;
          if (result.ok) return;
          refusals++;
          expect(
            result.error.code,
            `${method} ${JSON.stringify(candidate)}: ${result.error.message}`,
          ).not.toBe('internal');
          expect(dump(core.workspace.db), `${method} refused ${JSON.stringify(candidate)}`).toBe(before);
        }),
        { numRuns: RUNS_PER_METHOD },
      );
    }
    expect(core.workspace.db.pragma('integrity_check', { simple: true })).toBe('ok');
    console.log(
      `fuzz: ${calls} calls over ${METHOD_NAMES.length} methods, ${refusals} refused, none internal, none changed anything`,
    );
  }, 120_000);

  it('over HTTP: no 5xx, and the host still answers afterwards', async () => {
    const core = await tempCore();
    const seeded = seed(core);
    const ids = [seeded.ada.id, seeded.goal.id, seeded.sprint.id];
    const rendererDir = join(tempDir(), 'renderer');
    mkdirSync(rendererDir);
    writeFileSync(join(rendererDir, 'index.html'), '<!doctype html><title>Fortnight</title>');
    const host = await startHost({ core: await workerCore(core.workspace.file), rendererDir });
    try {
      const login = await fetch(host.url, { redirect: 'manual' });
      const cookie = login.headers.get('set-cookie')!.split(';')[0]!;
      const headers = { Cookie: cookie, Origin: host.origin, 'Content-Type': 'application/json' };
      const bodies = fc.oneof(
        fc.string(),
        fc.jsonValue().map((v) => JSON.stringify(v)),
        fc
          .constantFrom(...METHOD_NAMES)
          .chain((m) => input(m, ids))
          .map((v) => JSON.stringify(v) ?? ''),
      );
      const names = fc.oneof(fc.constantFrom(...METHOD_NAMES), fc.string({ maxLength: 80 }));
      let requests = 0;
      await fc.assert(
        fc.asyncProperty(names, bodies, async (method, body) => {
          const before = dump(core.workspace.db);
          const reply = await fetch(`${host.origin}/api/${encodeURIComponent(method)}`, {
            method: 'POST',
            headers,
            body,
          });
          requests++;
          expect(reply.status, `${method} ${body.slice(0, 80)}`).toBeLessThan(500);
          const result = (await reply.json()) as { ok: boolean; error?: { code: string } };
          if (!result.ok) {
            expect(result.error?.code).not.toBe('internal');
            expect(dump(core.workspace.db)).toBe(before);
          }
        }),
        { numRuns: 300 },
      );
      const still = await fetch(`${host.origin}/api/people.list`, { method: 'POST', headers, body: '{}' });
      expect(still.status).toBe(200);
      console.log(`fuzz over HTTP: ${requests} requests, no 5xx`);
    } finally {
      await host.close();
    }
  }, 120_000);
});
