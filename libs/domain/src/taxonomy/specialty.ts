import type { AbmsBoardCode } from './abms-boards';
import type { AbmsSpecialtyRow } from './abms-specialty-table';
import { ABMS_SPECIALTY_TABLE } from './abms-specialty-table';

type Table = typeof ABMS_SPECIALTY_TABLE;

/** Code of a primary specialty, e.g. `internal-medicine`. */
export type PrimarySpecialtyCode = keyof Table;

/** Code of a subspecialty: its parent's code, a dot, its own slug. */
export type SubspecialtyCode = {
  [K in PrimarySpecialtyCode]: `${K}.${keyof Table[K]['subspecialties'] & string}`;
}[PrimarySpecialtyCode];

export type SpecialtyCode = PrimarySpecialtyCode | SubspecialtyCode;

export interface PrimarySpecialty {
  readonly code: PrimarySpecialtyCode;
  readonly name: string;
  readonly kind: 'specialty';
  readonly parent?: undefined;
  /** The certifying board. */
  readonly boards: readonly AbmsBoardCode[];
}

export interface Subspecialty {
  readonly code: SubspecialtyCode;
  readonly name: string;
  readonly kind: 'subspecialty';
  readonly parent: PrimarySpecialtyCode;
  /** Boards that offer the certificate, the administering board first. */
  readonly boards: readonly AbmsBoardCode[];
}

export type Specialty = PrimarySpecialty | Subspecialty;

/** Where the specialty table comes from; stored data should be read against this edition. */
export const SPECIALTY_TAXONOMY = Object.freeze({
  source: 'ABMS Specialty and Subspecialty Certificates (American Board of Medical Specialties)',
  edition: '2025',
});

function buildSpecialties(): readonly Specialty[] {
  const rows = Object.entries(ABMS_SPECIALTY_TABLE) as [PrimarySpecialtyCode, AbmsSpecialtyRow][];
  const specialties: Specialty[] = [];
  for (const [code, row] of rows) {
    specialties.push(
      Object.freeze({
        code,
        name: row.name,
        kind: 'specialty',
        boards: Object.freeze([...row.boards]),
      }),
    );
    for (const [slug, sub] of Object.entries(row.subspecialties)) {
      const [name, boards] = typeof sub === 'string' ? [sub, row.boards] : sub;
      specialties.push(
        Object.freeze({
          code: `${code}.${slug}` as SubspecialtyCode,
          name,
          kind: 'subspecialty',
          parent: code,
          boards: Object.freeze([...boards]),
        }),
      );
    }
  }
  return Object.freeze(specialties);
}

/** Every specialty, each followed by its subspecialties, in ABMS member-board order. */
export const SPECIALTIES: readonly Specialty[] = buildSpecialties();

export const SPECIALTY_CODES: readonly SpecialtyCode[] = Object.freeze(
  SPECIALTIES.map((specialty) => specialty.code),
);
