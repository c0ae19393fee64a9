import type { AssignmentMatch } from './assignment.types';
import { arcCosts } from './assignment-problem';
import type { CompiledAssignment } from './compile-assignment';

export type AssignmentVerdict =
  | { readonly optimal: true; readonly total: number }
  | {
      readonly optimal: false;
      readonly code: 'infeasible' | 'not-optimal';
      readonly reason: string;
    };

export type ArcsDecoding =
  | { readonly ok: true; readonly arcOf: Int32Array }
  | { readonly ok: false; readonly reason: string };

/** Reads matches given by ids into arcs, refusing unknown ids, pairs not allowed and wrong scores. */
export function matchesToArcs(
  c: CompiledAssignment,
  matches: readonly AssignmentMatch[],
): ArcsDecoding {
  const menteeIndex = new Map(c.menteeIds.map((id, i) => [id, i]));
  const mentorIndex = new Map(c.mentorIds.map((id, j) => [id, j]));
  const arcOf = new Int32Array(c.menteeIds.length).fill(-1);
  for (const m of matches) {
    const i = menteeIndex.get(m.mentee);
    if (i === undefined) return { ok: false, reason: `unknown mentee "${m.mentee}"` };
    const j = mentorIndex.get(m.mentor);
    if (j === undefined) return { ok: false, reason: `unknown mentor "${m.mentor}"` };
    if (arcOf[i] !== -1)
      return { ok: false, reason: `mentee "${m.mentee}" is matched more than once` };
    let e = c.rowStart[i];
    while (e < c.rowStart[i + 1] && c.arcMentor[e] !== j) e++;
    if (e === c.rowStart[i + 1]) {
      return {
        ok: false,
        reason: `mentee "${m.mentee}" and mentor "${m.mentor}" are not an allowed pair`,
      };
    }
    if (m.score !== c.arcScore[e] / c.scale) {
      return {
        ok: false,
        reason: `mentee "${m.mentee}", mentor "${m.mentor}": score ${m.score} differs from the instance (${c.arcScore[e] / c.scale})`,
      };
    }
    arcOf[i] = e;
  }
  return { ok: true, arcOf };
}

/**
 * Proves an assignment optimal, independently of the solver: capacities held, and no
 * negative-cost cycle in the residual network (the classic optimality condition of min-cost
 * flow), found by Bellman–Ford with a FIFO queue. When one exists, the reason names the mentees
 * whose reassignment would improve the objective. O(nodes × arcs) in the worst case, usually
 * far less; meant for checking result files and tests, not for the hot path.
 */
export function verifyAssignment(c: CompiledAssignment, arcOf: Int32Array): AssignmentVerdict {
  const n = c.menteeIds.length;
  const m = c.mentorIds.length;
  const load = new Int32Array(m);
  const degree = new Int32Array(m);
  let total = 0;
  for (let e = 0; e < c.arcMentor.length; e++) degree[c.arcMentor[e]]++;
  for (let i = 0; i < n; i++) {
    const e = arcOf[i];
    if (e === -1) continue;
    if (e < c.rowStart[i] || e >= c.rowStart[i + 1]) {
      return {
        optimal: false,
        code: 'infeasible',
        reason: `mentee "${c.menteeIds[i]}" uses a pair it does not have`,
      };
    }
    load[c.arcMentor[e]]++;
    total += c.arcScore[e];
  }
  for (let j = 0; j < m; j++) {
    if (load[j] > c.capacity[j]) {
      return {
        optimal: false,
        code: 'infeasible',
        reason: `mentor "${c.mentorIds[j]}" has ${load[j]} mentees but capacity ${c.capacity[j]}`,
      };
    }
  }
  const cycle = negativeCycle(c, arcOf, load, degree);
  if (cycle) return { optimal: false, code: 'not-optimal', reason: cycle };
  return { optimal: true, total: total / c.scale };
}

/**
 * Residual network of the assignment as a flow: mentee i -> mentor j (cost c) for unused pairs,
 * j -> i (cost -c) for used ones; i <-> "unassigned" U; j <-> sink T by free and used places;
 * U <-> T. Returns a description of a negative cycle, or undefined.
 */
function negativeCycle(
  c: CompiledAssignment,
  arcOf: Int32Array,
  load: Int32Array,
  degree: Int32Array,
) {
  const cost = arcCosts(c);
  const n = c.menteeIds.length;
  const m = c.mentorIds.length;
  const U = n + m;
  const T = U + 1;
  const N = T + 1;
  const colOf = new Int32Array(n).fill(-1);
  for (let i = 0; i < n; i++) if (arcOf[i] >= 0) colOf[i] = c.arcMentor[arcOf[i]];
  // Reverse adjacency of used arcs: mentor -> its mentees.
  const usedStart = new Int32Array(m + 1);
  for (let i = 0; i < n; i++) if (colOf[i] >= 0) usedStart[colOf[i] + 1]++;
  for (let j = 0; j < m; j++) usedStart[j + 1] += usedStart[j];
  const usedRow = new Int32Array(usedStart[m]);
  const fill = usedStart.slice(0, m);
  for (let i = 0; i < n; i++) if (colOf[i] >= 0) usedRow[fill[colOf[i]]++] = i;
  const anyUnassigned = colOf.some((j) => j < 0);

  const dist = new Float64Array(N);
  const hops = new Int32Array(N);
  const pred = new Int32Array(N).fill(-1);
  const inQueue = new Uint8Array(N).fill(1);
  const queue = new Int32Array(N + 1);
  let head = 0;
  let tail = 0;
  let size = N;
  for (let x = 0; x < N; x++) queue[tail++] = x;
  tail %= N + 1;
  let found = -1;

  const relax = (from: number, to: number, w: number): boolean => {
    const nd = dist[from] + w;
    if (nd >= dist[to]) return false;
    dist[to] = nd;
    pred[to] = from;
    hops[to] = hops[from] + 1;
    if (hops[to] >= N) {
      found = to;
      return true;
    }
    if (!inQueue[to]) {
      inQueue[to] = 1;
      queue[tail] = to;
      tail = (tail + 1) % (N + 1);
      size++;
    }
    return false;
  };

  while (size > 0 && found < 0) {
    const x = queue[head];
    head = (head + 1) % (N + 1);
    size--;
    inQueue[x] = 0;
    if (x < n) {
      for (let e = c.rowStart[x]; e < c.rowStart[x + 1]; e++) {
        if (e !== arcOf[x] && relax(x, n + c.arcMentor[e], cost[e])) break;
      }
      if (found < 0) {
        if (colOf[x] >= 0) relax(x, U, 0);
      }
    } else if (x < U) {
      const j = x - n;
      for (let k = usedStart[j]; k < usedStart[j + 1] && found < 0; k++) {
        const i = usedRow[k];
        relax(x, i, -cost[arcOf[i]]);
      }
      if (found < 0 && load[j] < Math.min(c.capacity[j], degree[j])) relax(x, T, 0);
    } else if (x === U) {
      for (let i = 0; i < n && found < 0; i++) if (colOf[i] < 0) relax(U, i, 0);
      if (found < 0) relax(U, T, 0);
    } else {
      for (let j = 0; j < m && found < 0; j++) if (load[j] > 0) relax(T, n + j, 0);
      if (found < 0 && anyUnassigned) relax(T, U, 0);
    }
  }
  if (found < 0) return undefined;
  // Walk back N steps to land inside the cycle, then collect it.
  let x = found;
  for (let k = 0; k < N; k++) x = pred[x];
  const mentees: string[] = [];
  let y = x;
  do {
    if (y < n) mentees.push(c.menteeIds[y]);
    y = pred[y];
  } while (y !== x);
  mentees.sort();
  return `not optimal: reassigning mentees ${mentees.map((id) => `"${id}"`).join(', ')} improves the objective`;
}
