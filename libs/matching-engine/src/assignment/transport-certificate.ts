import type { TransportProblem, TransportSolution } from './transport-problem';

export type CertificateCheck =
  { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * Checks the optimality certificate of a transportation solution in O(arcs): feasibility,
 * dual feasibility and complementary slackness (see `TransportSolution`). All values are
 * integers below 2^53, so the checks are exact.
 */
export function checkTransportCertificate(
  problem: TransportProblem,
  solution: TransportSolution,
): CertificateCheck {
  const { rows, cols, rowStart, arcCol, arcCost, capacity } = problem;
  const { arcOf, rowDual: u, colDual: v } = solution;
  const load = new Int32Array(cols);
  const degree = new Int32Array(cols);
  for (let i = 0; i < rows; i++) {
    const used = arcOf[i];
    if (used !== -1 && (used < rowStart[i] || used >= rowStart[i + 1])) {
      return { ok: false, reason: `row ${i} uses arc ${used}, which is not one of its arcs` };
    }
    if (u[i] > 0) return { ok: false, reason: `row ${i} has a positive dual` };
    if (used === -1 && u[i] !== 0)
      return { ok: false, reason: `unassigned row ${i} has a non-zero dual` };
    for (let e = rowStart[i]; e < rowStart[i + 1]; e++) {
      const j = arcCol[e];
      degree[j]++;
      const reduced = arcCost[e] - u[i] - v[j];
      if (reduced < 0)
        return { ok: false, reason: `arc ${e} (row ${i}, column ${j}) has negative reduced cost` };
      if (e === used && reduced !== 0)
        return { ok: false, reason: `used arc ${e} (row ${i}) is not tight` };
    }
    if (used !== -1) load[arcCol[used]]++;
  }
  for (let j = 0; j < cols; j++) {
    const effective = Math.min(capacity[j], degree[j]);
    if (load[j] > capacity[j]) return { ok: false, reason: `column ${j} is over capacity` };
    if (v[j] > 0) return { ok: false, reason: `column ${j} has a positive dual` };
    if (v[j] < 0 && load[j] < effective)
      return { ok: false, reason: `column ${j} has a negative dual but a free place` };
  }
  return { ok: true };
}
