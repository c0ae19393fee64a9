import type { z } from 'zod';
import {
  physicianInputSchema,
  type PhysicianInput,
} from '../physicians/dto/physician-input.schema';

/** One rejected field of one input record. */
export interface RowProblem {
  field: string;
  message: string;
}

/** The outcome for one record of an import file: its line (CSV) or entry index (FHIR). */
export type ImportRow =
  | { ok: true; line: number; input: PhysicianInput }
  | { ok: false; line: number; problems: RowProblem[] };

const problemsOf = (error: z.ZodError): RowProblem[] =>
  error.issues.map((issue) => ({
    field: issue.path.length > 0 ? issue.path.map(String).join('.') : '(row)',
    message: issue.message,
  }));

/** Validates a candidate profile built from a record with the same rules as the API. */
export const validateImportRow = (line: number, candidate: Record<string, unknown>): ImportRow => {
  const parsed = physicianInputSchema.safeParse(candidate);
  return parsed.success
    ? { ok: true, line, input: parsed.data }
    : { ok: false, line, problems: problemsOf(parsed.error) };
};
