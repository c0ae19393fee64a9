import type { Readable } from 'node:stream';
import { CsvError, parse } from 'csv-parse';
import { validateImportRow, type ImportRow } from '../import-row';
import { csvRowToInput, type CsvRecord } from './csv-row-to-input';
import { columnOfField, CSV_COLUMNS, REQUIRED_CSV_COLUMNS } from './physician-csv.columns';

/** A file that cannot be read as a physician CSV at all (as opposed to a bad row). */
export class CsvFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvFileError';
  }
}

export const MAX_CSV_FIELD_BYTES = 8 * 1024;

const checkHeader = (header: string[]): string[] => {
  const names = header.map((name) => name.trim().toLowerCase());
  const unknown = names.filter((name) => !(CSV_COLUMNS as readonly string[]).includes(name));
  const missing = REQUIRED_CSV_COLUMNS.filter((name) => !names.includes(name));
  const duplicate = names.filter((name, i) => names.indexOf(name) !== i);
  const problems = [
    ...(unknown.length > 0 ? [`unknown columns: ${unknown.join(', ')}`] : []),
    ...(missing.length > 0 ? [`missing required columns: ${missing.join(', ')}`] : []),
    ...(duplicate.length > 0 ? [`duplicate columns: ${duplicate.join(', ')}`] : []),
  ];
  if (problems.length > 0) throw new CsvFileError(`header row: ${problems.join('; ')}`);
  return names;
};

/**
 * Streams a physician CSV: yields every row validated like an API request, with its line
 * number; a malformed row (wrong column count, bad quoting) is reported and skipped, and
 * reading goes on. Throws CsvFileError when the header itself is unusable.
 */
/** The reason for an availability item that is not written `day HH:mm-HH:mm`. */
const unreadWindow = (input: Record<string, unknown>, field: string): string | undefined => {
  const index = /^availability\.(\d+)$/.exec(field)?.[1];
  const item =
    index === undefined ? undefined : (input['availability'] as unknown[])[Number(index)];
  return typeof item === 'string'
    ? `"${item}" is not a weekly window written like "mon 18:00-20:00"`
    : undefined;
};

export async function* parsePhysicianCsv(input: Readable): AsyncGenerator<ImportRow> {
  const skipped: ImportRow[] = [];
  const parser = input.pipe(
    parse({
      columns: checkHeader,
      bom: true,
      trim: false,
      skip_empty_lines: true,
      max_record_size: MAX_CSV_FIELD_BYTES * CSV_COLUMNS.length,
      info: true,
      skip_records_with_error: true,
      on_skip: (error: CsvError | undefined) => {
        if (!error) return;
        skipped.push({
          ok: false,
          line: Number(error.lines ?? 0),
          problems: [{ field: '(row)', message: error.message }],
        });
      },
    }),
  );
  try {
    for await (const { record, info } of parser as AsyncIterable<{
      record: CsvRecord;
      info: { lines: number };
    }>) {
      // The parser reports a skipped record as soon as it reads it: keep line order.
      skipped.sort((a, b) => a.line - b.line);
      while (skipped.length > 0 && skipped[0].line < info.lines) yield skipped.shift()!;
      const candidate = csvRowToInput(record);
      const row = validateImportRow(info.lines, candidate);
      yield row.ok
        ? row
        : {
            ...row,
            problems: row.problems.map((p) => ({
              field: columnOfField(p.field),
              message: unreadWindow(candidate, p.field) ?? p.message,
            })),
          };
    }
  } catch (error) {
    if (error instanceof CsvFileError) throw error;
    if (error instanceof CsvError) throw new CsvFileError(error.message);
    throw error;
  }
  while (skipped.length > 0) yield skipped.shift()!;
}
