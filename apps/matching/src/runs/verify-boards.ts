import type { BoardInstance, BoardSeat } from '@medmentor/matching-engine';

/**
 * Checks a boards result against its instance, independently of the solver: every seat is an
 * allowed triple with its score, no mentee holds a role twice or a mentor twice, and no mentor
 * is over capacity. (Optimality is checked by the solver's own certificate; the engine has no
 * independent optimality verifier for boards.)
 */
export const verifyBoards = (
  instance: BoardInstance,
  seats: readonly BoardSeat[],
): { verified: boolean; detail?: string } => {
  const allowed = new Map(
    instance.scores.map((s) => [`${s.mentee}\u0000${s.mentor}\u0000${s.role}`, s.score]),
  );
  const capacity = new Map(instance.mentors.map((m) => [m.id, m.capacity]));
  const used = new Map<string, number>();
  const seatsTaken = new Set<string>();
  const mentorsOnBoard = new Set<string>();
  for (const seat of seats) {
    const score = allowed.get(`${seat.mentee}\u0000${seat.mentor}\u0000${seat.role}`);
    if (score === undefined || score !== seat.score)
      return { verified: false, detail: `seat ${seat.mentee}/${seat.role} is not an allowed pair` };
    const seatKey = `${seat.mentee}\u0000${seat.role}`;
    const boardKey = `${seat.mentee}\u0000${seat.mentor}`;
    if (seatsTaken.has(seatKey))
      return { verified: false, detail: `mentee ${seat.mentee} holds ${seat.role} twice` };
    if (mentorsOnBoard.has(boardKey))
      return { verified: false, detail: `mentor ${seat.mentor} twice on ${seat.mentee}'s board` };
    seatsTaken.add(seatKey);
    mentorsOnBoard.add(boardKey);
    used.set(seat.mentor, (used.get(seat.mentor) ?? 0) + 1);
    if ((used.get(seat.mentor) ?? 0) > (capacity.get(seat.mentor) ?? 0))
      return { verified: false, detail: `mentor ${seat.mentor} over capacity` };
  }
  return { verified: true };
};
