import fc from 'fast-check';
import type { BoardInstance } from '../boards/board.types';

/** Best (total, or seats then total) over every valid set of boards, by enumeration; totals in hundredths. */
export function bruteForceBoards(
  inst: BoardInstance,
  maximizeMatches: boolean,
): { seats: number; total: number } {
  const seats = inst.mentees.flatMap((m) => inst.roles.map((role) => ({ mentee: m.id, role })));
  const load = new Map<string, number>();
  const onBoard = new Set<string>();
  let best = { seats: 0, total: 0 };
  const visit = (k: number, count: number, total: number): void => {
    if (k === seats.length) {
      const better = maximizeMatches
        ? count > best.seats || (count === best.seats && total > best.total)
        : total > best.total;
      if (better) best = { seats: count, total };
      return;
    }
    visit(k + 1, count, total);
    const seat = seats[k];
    for (const s of inst.scores) {
      if (s.mentee !== seat.mentee || s.role !== seat.role) continue;
      const used = load.get(s.mentor) ?? 0;
      const key = `${s.mentee}\u0000${s.mentor}`;
      const capacity = inst.mentors.find((m) => m.id === s.mentor)?.capacity ?? 0;
      if (used >= capacity || onBoard.has(key)) continue;
      load.set(s.mentor, used + 1);
      onBoard.add(key);
      visit(k + 1, count + 1, total + Math.round(s.score * 100));
      onBoard.delete(key);
      load.set(s.mentor, used);
    }
  };
  visit(0, 0, 0);
  return { seats: best.seats, total: best.total / 100 };
}

export const boardInstance = (max: {
  mentees: number;
  mentors: number;
  roles: number;
}): fc.Arbitrary<BoardInstance> =>
  fc
    .tuple(
      fc.integer({ min: 0, max: max.mentees }),
      fc.integer({ min: 0, max: max.mentors }),
      fc.integer({ min: 1, max: max.roles }),
    )
    .chain(([n, m, r]) => {
      const mentees = Array.from({ length: n }, (_, i) => ({ id: `e${i}` }));
      const roles = Array.from({ length: r }, (_, k) => `role${k}`);
      const mentorIds = Array.from({ length: m }, (_, j) => `t${j}`);
      const triples = mentees.flatMap((e) =>
        mentorIds.flatMap((t) => roles.map((role) => ({ mentee: e.id, mentor: t, role }))),
      );
      return fc.record({
        roles: fc.constant(roles),
        mentees: fc.constant(mentees),
        mentors: fc.tuple(
          ...mentorIds.map((id) =>
            fc.integer({ min: 0, max: 3 }).map((capacity) => ({ id, capacity })),
          ),
        ),
        scores: fc
          .subarray(triples)
          .chain((chosen) =>
            fc.tuple(
              ...chosen.map((t) =>
                fc.integer({ min: -200, max: 900 }).map((x) => ({ ...t, score: x / 100 })),
              ),
            ),
          ),
      });
    });
