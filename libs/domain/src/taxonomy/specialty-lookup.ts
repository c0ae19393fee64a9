import type { PrimarySpecialty, Specialty, SpecialtyCode, Subspecialty } from './specialty';
import { SPECIALTIES } from './specialty';

const byCode: ReadonlyMap<string, Specialty> = new Map(SPECIALTIES.map((s) => [s.code, s]));

const childrenOf = new Map<string, Subspecialty[]>();
const specialtiesOfBoard = new Map<string, PrimarySpecialty[]>();
for (const specialty of SPECIALTIES) {
  if (specialty.kind === 'subspecialty') {
    childrenOf.set(specialty.parent, [...(childrenOf.get(specialty.parent) ?? []), specialty]);
  } else {
    const board = specialty.boards[0] ?? '';
    specialtiesOfBoard.set(board, [...(specialtiesOfBoard.get(board) ?? []), specialty]);
  }
}

export const isSpecialtyCode = (value: unknown): value is SpecialtyCode =>
  typeof value === 'string' && byCode.has(value);

/** The specialty or subspecialty with this code, if there is one. */
export const findSpecialty = (code: string): Specialty | undefined => byCode.get(code);

/**
 * The subspecialties listed under a primary specialty. A certificate shared by several
 * boards is listed once, under its administering board: check `boards` to see who else
 * offers it. Empty for a subspecialty or an unknown code.
 */
export const subspecialtiesOf = (code: string): readonly Subspecialty[] =>
  childrenOf.get(code) ?? [];

/**
 * Specialties close to this one, for scoring a "related specialty" match: its parent, its
 * siblings and its children, never itself. Siblings of a subspecialty share its parent;
 * siblings of a primary specialty are certified by the same board (psychiatry and
 * neurology; diagnostic and interventional radiology). Empty for an unknown code.
 */
export function relatedSpecialties(code: string): readonly Specialty[] {
  const specialty = byCode.get(code);
  if (!specialty) return [];
  if (specialty.kind === 'subspecialty') {
    const parent = byCode.get(specialty.parent);
    const siblings = subspecialtiesOf(specialty.parent).filter((s) => s.code !== code);
    return parent ? [parent, ...siblings] : siblings;
  }
  const siblings = (specialtiesOfBoard.get(specialty.boards[0] ?? '') ?? []).filter(
    (s) => s.code !== code,
  );
  return [...siblings, ...subspecialtiesOf(code)];
}
