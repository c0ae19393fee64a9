import type { TransportProblem, TransportSolution } from './transport-problem';

export type CertificateCheck =
  { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Checks the optimality certificate of a transportation solution in O(arcs + rows): feasibility,
 * dual feasibility and complementary slackness (see `TransportSolution`). All values are
 * integers below 2^53, so the checks are exact. Consecutive rows sharing one arc range (places
 * of one mentor) are checked together against their largest dual.
 */
export function checkTransportCertificate(
  problem: TransportProblem,
  solution: TransportSolution,
): CertificateCheck {
  const { rows, cols, rowBegin, rowEnd, arcCol, arcCost, capacity } = problem;
  const { arcOf, rowDual: u, colDual: v } = solution;
  const load = new Int32Array(cols);
  const degree = new Int32Array(cols);
  for (let e = 0; e < arcCol.length; e++) degree[arcCol[e]]++;
  for (let first = 0; first < rows;) {
    let last = first;
    while (
      last + 1 < rows &&
      rowBegin[last + 1] === rowBegin[first] &&
      rowEnd[last + 1] === rowEnd[first]
    )
      last++;
    let maxU = -Infinity;
    for (let i = first; i <= last; i++) {
      const used = arcOf[i];
      if (u[i] > 0) return { ok: false, reason: `row ${i} has a positive dual` };
      if (used === -1) {
        if (u[i] !== 0) return { ok: false, reason: `unassigned row ${i} has a non-zero dual` };
      } else {
        if (used < rowBegin[i] || used >= rowEnd[i]) {
          return { ok: false, reason: `row ${i} uses arc ${used}, which is not one of its arcs` };
        }
        if (arcCost[used] - u[i] - v[arcCol[used]] !== 0) {
          return { ok: false, reason: `used arc ${used} (row ${i}) is not tight` };
        }
        load[arcCol[used]]++;
      }
      maxU = Math.max(maxU, u[i]);
    }
    for (let e = rowBegin[first]; e < rowEnd[first]; e++) {
      if (arcCost[e] - maxU - v[arcCol[e]] < 0) {
        return { ok: false, reason: `arc ${e} (column ${arcCol[e]}) has negative reduced cost` };
      }
    }
    first = last + 1;
  }
  for (let j = 0; j < cols; j++) {
    const effective = Math.min(capacity[j], degree[j]);
    if (load[j] > capacity[j]) return { ok: false, reason: `column ${j} is over capacity` };
    if (v[j] > 0) return { ok: false, reason: `column ${j} has a positive dual` };
    if (v[j] < 0 && load[j] < effective) {
      return { ok: false, reason: `column ${j} has a negative dual but a free place` };
    }
  }
  return { ok: true };
}
