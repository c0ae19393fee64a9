import { z } from 'zod';
import { SPECIALTIES, SPECIALTY_CODES } from './specialty';

const unknownCode = (what: string, example: string) => (issue: { input?: unknown }) =>
  `Unknown ${what} code ${JSON.stringify(issue.input)}; expected an ABMS code such as "${example}"`;

/** Any specialty or subspecialty code from the ABMS table. */
export const specialtyCodeSchema = z.enum(SPECIALTY_CODES, {
  error: unknownCode('specialty', 'internal-medicine'),
});

/** A primary specialty code only, e.g. `pediatrics`. */
export const primarySpecialtyCodeSchema = z.enum(
  SPECIALTIES.filter((s) => s.kind === 'specialty').map((s) => s.code),
  { error: unknownCode('primary specialty', 'pediatrics') },
);

/** A subspecialty code only, e.g. `pediatrics.pediatric-cardiology`. */
export const subspecialtyCodeSchema = z.enum(
  SPECIALTIES.filter((s) => s.kind === 'subspecialty').map((s) => s.code),
  { error: unknownCode('subspecialty', 'internal-medicine.cardiovascular-disease') },
);
