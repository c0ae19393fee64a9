import fc from 'fast-check';
import type { NationalInstance } from '../national/national.types';

export interface NationalShape {
  readonly maxApplicants: number;
  readonly maxPrograms: number;
  readonly maxCapacity: number;
}

/** Random instances: any subset of the other side in any order, capacities from 0. */
export const nationalInstance = (shape: NationalShape): fc.Arbitrary<NationalInstance> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: shape.maxApplicants }),
      fc.integer({ min: 0, max: shape.maxPrograms }),
    )
    .chain(([nA, nP]) => {
      const aIds = Array.from({ length: nA }, (_, i) => `a${i}`);
      const pIds = Array.from({ length: nP }, (_, i) => `p${i}`);
      return fc.record({
        applicants: fc.tuple(
          ...aIds.map((id) => fc.shuffledSubarray(pIds).map((ranks) => ({ id, ranks }))),
        ),
        programs: fc.tuple(
          ...pIds.map((id) =>
            fc
              .tuple(fc.integer({ min: 0, max: shape.maxCapacity }), fc.shuffledSubarray(aIds))
              .map(([capacity, ranks]) => ({ id, capacity, ranks })),
          ),
        ),
      });
    });

/** The same instance with both arrays reordered (lists themselves untouched). */
export const shuffledInstance = (inst: NationalInstance): fc.Arbitrary<NationalInstance> =>
  fc
    .tuple(
      fc.shuffledSubarray([...inst.applicants], { minLength: inst.applicants.length }),
      fc.shuffledSubarray([...inst.programs], { minLength: inst.programs.length }),
    )
    .map(([applicants, programs]) => ({ applicants, programs }));
