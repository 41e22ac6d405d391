/**
 * Poll responses imported from a CSV file that any form tool exported: the file's columns are
 * mapped to the respondent and the answer (guessed, then as the user chose), every row is
 * checked, and the good rows are written in the call's one transaction — bad rows are reported
 * by line and skipped; a file that can't be read at all changes nothing.
 */
import type { ParsedInput } from '../../shared/contract.ts';
import type { Person, Poll } from '../../shared/domain.ts';
import type { CsvImported, CsvMapping, CsvPreview, CsvPreviewRow } from '../../shared/stakeholder-views.ts';
import type { Workspace } from '../db/open.ts';
import { CsvError, parseCsv, type CsvRecord } from './csv.ts';
import { DomainError } from './errors.ts';
import { listPeople } from './people.ts';
import { getPoll, matchOption, recordAnswer, responseOf } from './polls.ts';

type ImportInput = ParsedInput<'polls.previewImport'>;

const refuse = (field: string, message: string) =>
  new DomainError('invalid_input', `${field}: ${message}`, field);

/** The file's records, refused whole when it isn't UTF-8 text or can't be read as CSV. */
function recordsOf(csv: string): CsvRecord[] {
  if (csv.includes('\u0000'))
    throw refuse(
      'csv',
      'the file is not UTF-8 text (it looks like UTF-16): save it as “CSV UTF-8” and import it again',
    );
  if (csv.includes('\uFFFD'))
    throw refuse(
      'csv',
      'the file is not UTF-8 text (some characters could not be read): save it as “CSV UTF-8” and import it again',
    );
  try {
    const records = parseCsv(csv);
    if (records.length === 0) throw refuse('csv', 'the file is empty');
    return records;
  } catch (error) {
    if (error instanceof CsvError) throw refuse('csv', `the file can't be read as CSV: ${error.message}`);
    throw error;
  }
}

const key = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();

/** The columns most likely meant, when the user has not chosen yet. */
function guessMapping(columns: readonly string[], poll: Poll): CsvMapping {
  const find = (test: (name: string) => boolean) => columns.find((c) => test(key(c)));
  const respondent =
    find((c) => /\b(name|respondent|who|stakeholder)\b/.test(c)) ??
    find((c) => /\b(e-?mail|user(name)?|login|handle)\b/.test(c)) ??
    columns[0]!;
  const answer =
    find((c) => c === key(poll.question)) ??
    find((c) => c !== key(respondent) && /\b(answer|response|choice|vote)\b/.test(c)) ??
    [...columns].reverse().find((c) => c !== respondent && !/time|date/i.test(c)) ??
    columns.find((c) => c !== respondent) ??
    columns[0]!;
  return { respondent, answer };
}

function requireColumn(columns: readonly string[], field: keyof CsvMapping, name: string): number {
  const index = columns.indexOf(name);
  if (index < 0)
    throw refuse(`mapping.${field}`, `the file has no column “${name}” (its columns: ${columns.join(', ')})`);
  return index;
}

/** People by the keys a form may name them by: their name and their handle. */
function peopleByName(people: readonly Person[]): Map<string, Person> {
  const byName = new Map<string, Person>();
  for (const person of people) {
    byName.set(key(person.name), person);
    if (person.handle) byName.set(key(person.handle), person);
  }
  return byName;
}

function previewOf(ws: Workspace, poll: Poll, { csv, mapping }: ImportInput): CsvPreview {
  const [header, ...records] = recordsOf(csv);
  const columns = header!.fields;
  if (columns.length < 2)
    throw refuse(
      'csv',
      `the file needs a column for the respondent and one for the answer; its header has only “${columns.join('')}”`,
    );
  const chosen = mapping ?? guessMapping(columns, poll);
  const respondentAt = requireColumn(columns, 'respondent', chosen.respondent);
  const answerAt = requireColumn(columns, 'answer', chosen.answer);
  if (respondentAt === answerAt) throw refuse('mapping.answer', 'must be another column than the respondent');
  const people = peopleByName(listPeople(ws));
  const seen = new Map<string, number>();
  const rows = records.map(({ line, fields }): CsvPreviewRow => {
    const respondent = (fields[respondentAt] ?? '').trim();
    const answer = (fields[answerAt] ?? '').trim();
    const person = respondent ? people.get(key(respondent)) : undefined;
    const row = { line, respondent, answer, personId: person?.id ?? null, problem: null, replaces: false };
    const problem = (text: string): CsvPreviewRow => ({ ...row, problem: text });
    if (fields.length !== columns.length)
      return problem(`has ${fields.length} fields where the header has ${columns.length}`);
    if (!respondent) return problem('names no respondent');
    if (!person) return problem(`names “${respondent}”, who is not among the workspace's people`);
    if (!poll.askedIds.includes(person.id)) return problem(`${person.name} was not asked in this poll`);
    if (seen.has(person.id))
      return problem(`${person.name} answered already, on line ${seen.get(person.id)}`);
    seen.set(person.id, line);
    if (!answer) return problem(`${person.name} gave no answer`);
    if (poll.options.length && !matchOption(poll, answer))
      return problem(`“${answer}” is not one of the options (${poll.options.join(', ')})`);
    return { ...row, replaces: responseOf(ws, poll.id, person.id) !== undefined };
  });
  const valid = rows.filter((r) => r.problem === null).length;
  return { columns, mapping: chosen, rows, valid, skipped: rows.length - valid };
}

/** What importing the file would do, row by row; writes nothing. */
export function previewPollImport(ws: Workspace, input: ImportInput): CsvPreview {
  return previewOf(ws, getPoll(ws, input.pollId, 'pollId'), input);
}

/** Imports the file's good rows (all in this call's transaction), reporting the others. */
export function importPollResponses(ws: Workspace, input: ParsedInput<'polls.importResponses'>): CsvImported {
  const poll = getPoll(ws, input.pollId, 'pollId');
  const preview = previewOf(ws, poll, input);
  const problems = preview.rows.flatMap((r) => (r.problem ? [{ line: r.line, message: r.problem }] : []));
  if (preview.valid === 0) {
    const said = problems.slice(0, 5).map((p) => `line ${p.line}: ${p.message}`);
    const more = problems.length > 5 ? `; and ${problems.length - 5} more` : '';
    throw new DomainError(
      'rule_violation',
      `csv: no row can be imported${said.length ? ` (${said.join('; ')}${more})` : ': the file has no rows under its header'}`,
      'csv',
    );
  }
  let created = 0;
  let replaced = 0;
  for (const row of preview.rows) {
    if (row.problem || !row.personId) continue;
    if (recordAnswer(ws, poll, row.personId, row.answer)) replaced++;
    else created++;
  }
  return { created, replaced, problems };
}
