import { IndexedMinHeap } from '../flow/indexed-heap';
import type { TransportProblem, TransportSolution } from './transport-problem';

const UNASSIGNED = -1;

/**
 * Exact min-cost transportation by successive shortest augmenting paths (the Hungarian method
 * generalised to capacities, as in Jonker–Volgenant). Rows are inserted one at a time in index
 * order; each insertion runs Dijkstra on reduced costs (dual potentials keep them non-negative)
 * from the new row until the nearest column with a free place, or "unassigned", is settled, then
 * shifts the chain of rows along that path and updates the potentials of settled nodes. After
 * each insertion the assignment of the rows inserted so far is optimal.
 *
 * Ties: at equal distance the heap settles columns with a free place first (which ends the
 * search early), then lower column numbers; a relaxation replaces a label only when strictly
 * shorter; at equal distance a real column wins over leaving the row unassigned. So the result
 * is a function of the problem alone.
 *
 * Time O(rows × arcs × log cols) in the worst case; a search usually settles a handful of
 * columns, and labels beyond the nearest free column seen so far are skipped.
 */
export function shortestAugmentingPath(problem: TransportProblem): TransportSolution {
  const { rows, cols, rowBegin, rowEnd, arcCol, arcCost } = problem;
  // A column never holds more rows than it has arcs: that bounds the slot table by #arcs.
  const cap = new Int32Array(cols);
  for (let e = 0; e < arcCol.length; e++) cap[arcCol[e]]++;
  for (let j = 0; j < cols; j++) cap[j] = Math.min(cap[j], problem.capacity[j]);
  const slotStart = new Int32Array(cols + 1);
  for (let j = 0; j < cols; j++) slotStart[j + 1] = slotStart[j] + cap[j];
  const slotRow = new Int32Array(slotStart[cols]);
  const load = new Int32Array(cols);

  const colOf = new Int32Array(rows).fill(UNASSIGNED);
  const slotOf = new Int32Array(rows).fill(-1);
  const arcOf = new Int32Array(rows).fill(-1);
  const u = new Float64Array(rows);
  const v = new Float64Array(cols);

  const dist = new Float64Array(cols).fill(Infinity);
  const predRow = new Int32Array(cols);
  const predArc = new Int32Array(cols);
  // Tier 0 = column with a free place: at equal distance it is settled first, ending the search.
  const full = new Uint8Array(cols);
  for (let j = 0; j < cols; j++) full[j] = cap[j] === 0 ? 1 : 0;
  const heap = new IndexedMinHeap(cols, dist, full);
  const touched = new Int32Array(cols);
  const settled = new Int32Array(cols);
  const labelled = new Int32Array(rows);
  const rowDist = new Float64Array(rows);

  for (let s = 0; s < rows; s++) {
    let nTouched = 0;
    let nSettled = 0;
    let nLabelled = 0;
    let nScanned = 0;
    let unassignedDist = Infinity;
    let unassignedPred = -1;
    // No search ends farther than the nearest free column seen so far (or "unassigned"), so
    // labels beyond that bound are never settled: skipping them keeps dense rows cheap.
    let bound = Infinity;
    let terminal = UNASSIGNED;
    let D = 0;
    labelled[nLabelled++] = s;
    rowDist[s] = 0;

    for (;;) {
      while (nScanned < nLabelled) {
        const i = labelled[nScanned++];
        const base = rowDist[i] - u[i];
        for (let e = rowBegin[i], end = rowEnd[i]; e < end; e++) {
          const j = arcCol[e];
          const nd = base + arcCost[e] - v[j];
          if (nd < dist[j] && nd <= bound) {
            if (dist[j] === Infinity) touched[nTouched++] = j;
            dist[j] = nd;
            predRow[j] = i;
            predArc[j] = e;
            heap.push(j);
            if (full[j] === 0) bound = nd;
          }
        }
        // Leaving row i unassigned costs 0; the dual of "unassigned" stays 0.
        if (base < unassignedDist) {
          unassignedDist = base;
          unassignedPred = i;
          if (base < bound) bound = base;
        }
      }
      if (heap.isEmpty || heap.topKey > unassignedDist) {
        D = unassignedDist;
        break;
      }
      const j = heap.pop();
      settled[nSettled++] = j;
      if (full[j] === 0) {
        terminal = j;
        D = dist[j];
        break;
      }
      // A full column's rows are reached at its distance (used arcs have reduced cost 0).
      for (let k = slotStart[j], end = slotStart[j] + load[j]; k < end; k++) {
        const r = slotRow[k];
        labelled[nLabelled++] = r;
        rowDist[r] = dist[j];
      }
    }

    // Potentials of settled nodes move so that reduced costs stay >= 0 and the path is tight.
    for (let k = 0; k < nSettled; k++) v[settled[k]] += dist[settled[k]] - D;
    for (let k = 0; k < nLabelled; k++) u[labelled[k]] += D - rowDist[labelled[k]];

    // Shift rows along the path, from the terminal back to the new row s.
    let j = terminal;
    let slot = UNASSIGNED;
    if (j !== UNASSIGNED) {
      slot = slotStart[j] + load[j]++;
      if (load[j] === cap[j]) full[j] = 1;
    }
    for (;;) {
      const i = j === UNASSIGNED ? unassignedPred : predRow[j];
      const oldCol = colOf[i];
      const oldSlot = slotOf[i];
      colOf[i] = j;
      slotOf[i] = slot;
      arcOf[i] = j === UNASSIGNED ? -1 : predArc[j];
      if (slot >= 0) slotRow[slot] = i;
      if (i === s) break;
      j = oldCol;
      slot = oldSlot;
    }

    for (let k = 0; k < nTouched; k++) dist[touched[k]] = Infinity;
    heap.clear();
  }
  return { arcOf, rowDual: u, colDual: v };
}
