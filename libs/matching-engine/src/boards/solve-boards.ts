import { scaleScores } from '../assignment/score-scale';
import { MatchingInputError } from '../errors';
import { canonicalOrder, indexIds } from '../ids';
import { MinCostFlow } from '../flow/min-cost-flow';
import type { BoardInstance, BoardOptions, BoardResult, BoardSeat } from './board.types';

/**
 * Optimal mentorship boards as a min-cost flow: seat (mentee, role) -> pair (mentee, mentor),
 * capacity 1 so a mentor appears at most once on a board -> mentor, capacity shared across roles
 * -> sink; every seat may also go straight to the sink (left empty, cost 0). Seats are sent one
 * at a time in (mentee id, role) order by successive shortest paths, which is exact; the
 * potentials are re-checked as an optimality certificate before returning.
 */
export function solveBoards(input: BoardInstance, options: BoardOptions = {}): BoardResult {
  const roles = Array.from(canonicalOrder(input.roles), (r) => input.roles[r]);
  const menteeIds = Array.from(
    canonicalOrder(input.mentees.map((m) => m.id)),
    (i) => input.mentees[i].id,
  );
  const mentorOrder = canonicalOrder(input.mentors.map((m) => m.id));
  const mentorIds = Array.from(mentorOrder, (j) => input.mentors[j].id);
  const roleIndex = indexIds(roles, 'role');
  const menteeIndex = indexIds(menteeIds, 'mentee');
  const mentorIndex = indexIds(mentorIds, 'mentor');
  const capacity = Array.from(mentorOrder, (j) => input.mentors[j].capacity);
  capacity.forEach((c, j) => {
    if (!Number.isInteger(c) || c < 0 || c > 0x7fffffff) {
      throw new MatchingInputError(
        'invalid-capacity',
        `mentor "${mentorIds[j]}" has capacity ${String(c)}`,
      );
    }
  });
  const { scaled, scale, maxAbs } = scaleScores(
    input.scores.map((s) => s.score),
    options.scoreDecimals,
  );

  // Triples in canonical order: by mentee, mentor, role.
  const triples = input.scores.map((s, k) => {
    const i = menteeIndex.get(s.mentee);
    const j = mentorIndex.get(s.mentor);
    const r = roleIndex.get(s.role);
    if (i === undefined)
      throw new MatchingInputError('unknown-id', `score for unknown mentee "${s.mentee}"`);
    if (j === undefined)
      throw new MatchingInputError('unknown-id', `score for unknown mentor "${s.mentor}"`);
    if (r === undefined)
      throw new MatchingInputError('unknown-id', `score for unknown role "${s.role}"`);
    return { i, j, r, score: scaled[k] };
  });
  triples.sort((a, b) => a.i - b.i || a.j - b.j || a.r - b.r);
  for (let k = 1; k < triples.length; k++) {
    const [a, b] = [triples[k - 1], triples[k]];
    if (a.i === b.i && a.j === b.j && a.r === b.r) {
      throw new MatchingInputError(
        'duplicate-pair',
        `mentee "${menteeIds[a.i]}", mentor "${mentorIds[a.j]}", role "${roles[a.r]}" is scored more than once`,
      );
    }
  }

  const nSeats = menteeIds.length * roles.length;
  const seatsLimit = Math.min(nSeats, triples.length);
  const C = Math.max(1, maxAbs);
  const bonus = options.maximizeMatches ? 2 * seatsLimit * C + 1 : 0;
  if (8 * (bonus + C) * (seatsLimit + 1) > Number.MAX_SAFE_INTEGER) {
    throw new MatchingInputError(
      'score-precision',
      'scores are too precise at this size; round them (option scoreDecimals)',
    );
  }

  // Nodes: seats, then one pair node per distinct (mentee, mentor), then mentors, then the sink.
  const pairOfTriple = new Int32Array(triples.length);
  let pairs = 0;
  const pairMentor: number[] = [];
  triples.forEach((t, k) => {
    if (k === 0 || t.i !== triples[k - 1].i || t.j !== triples[k - 1].j) {
      pairs++;
      pairMentor.push(t.j);
    }
    pairOfTriple[k] = pairs - 1;
  });
  const pairBase = nSeats;
  const mentorBase = pairBase + pairs;
  const sink = mentorBase + mentorIds.length;
  const flow = new MinCostFlow(sink + 1);
  const seatOf = (i: number, r: number) => i * roles.length + r;
  const tripleArc = triples.map((t, k) =>
    flow.addArc(seatOf(t.i, t.r), pairBase + pairOfTriple[k], 1, -t.score - bonus || 0),
  );
  for (let p = 0; p < pairs; p++) flow.addArc(pairBase + p, mentorBase + pairMentor[p], 1, 0);
  capacity.forEach((c, j) => flow.addArc(mentorBase + j, sink, c, 0));
  for (let seat = 0; seat < nSeats; seat++) flow.addArc(seat, sink, 1, 0); // the seat stays empty
  flow.prepare();
  for (let seat = 0; seat < nSeats; seat++) flow.augment(seat, sink);
  const violation = flow.certificateViolation();
  if (violation !== undefined) throw new Error(`board optimality certificate failed: ${violation}`);

  const filled = new Map<number, BoardSeat>();
  let total = 0;
  triples.forEach((t, k) => {
    if (flow.flow(tripleArc[k]) <= 0) return;
    total += t.score;
    filled.set(seatOf(t.i, t.r), {
      mentee: menteeIds[t.i],
      role: roles[t.r],
      mentor: mentorIds[t.j],
      score: t.score / scale,
    });
  });
  const seats: BoardSeat[] = [];
  const empty: { mentee: string; role: string }[] = [];
  for (let i = 0; i < menteeIds.length; i++) {
    for (let r = 0; r < roles.length; r++) {
      const seat = filled.get(seatOf(i, r));
      if (seat) seats.push(seat);
      else empty.push({ mentee: menteeIds[i], role: roles[r] });
    }
  }
  return { seats, empty, total: total / scale };
}
