/**
 * CSV as form tools export it (RFC 4180): fields separated by commas (or semicolons, as
 * spreadsheets in many locales write them), quoted with `"` when they hold a separator, a quote
 * (doubled) or a line break. Each record keeps the line it starts on, for messages.
 */

export interface CsvRecord {
  /** The file's line the record starts on, from 1. */
  line: number;
  fields: string[];
}

export class CsvError extends Error {
  readonly line: number;
  constructor(line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.line = line;
  }
}

/** The separator of the header line: a comma, unless it has semicolons (or tabs) and no commas. */
function separatorOf(text: string): string {
  const header = text.slice(0, text.search(/\r?\n|$/));
  const count = (c: string) => header.split(c).length - 1;
  if (count(',') > 0) return ',';
  if (count(';') > 0) return ';';
  return count('\t') > 0 ? '\t' : ',';
}

/** The records of a CSV text (a byte-order mark is dropped; blank lines are skipped). */
export function parseCsv(input: string): CsvRecord[] {
  const text = input.replace(/^\uFEFF/, '');
  const separator = separatorOf(text);
  const records: CsvRecord[] = [];
  let fields: string[] = [];
  let field = '';
  let line = 1;
  let start = 1;
  let quoted = false;
  let wasQuoted = false;
  const endField = () => {
    fields.push(wasQuoted ? field : field.trim());
    field = '';
    wasQuoted = false;
  };
  const endRecord = () => {
    endField();
    if (fields.length > 1 || fields[0] !== '') records.push({ line: start, fields });
    fields = [];
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else {
        if (c === '\n') line++;
        field += c;
      }
      continue;
    }
    if (c === '"' && field.trim() === '' && !wasQuoted) {
      quoted = true;
      wasQuoted = true;
      field = '';
    } else if (c === '"' && wasQuoted) {
      throw new CsvError(line, 'a quoted field has text after its closing quote');
    } else if (c === separator) endField();
    else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      endRecord();
      line++;
      start = line;
    } else if (wasQuoted) {
      if (c !== ' ' && c !== '\t')
        throw new CsvError(line, 'a quoted field has text after its closing quote');
    } else field += c;
  }
  if (quoted) throw new CsvError(start, 'a quoted field is never closed (a `"` is missing)');
  endRecord();
  return records;
}
