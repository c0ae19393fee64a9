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
 * Ties: the heap settles equal distances in column order, a relaxation replaces a label only
 * when strictly shorter, and at equal distance a real column wins over leaving the row
 * unassigned. So the result is a function of the problem alone.
 *
 * Time O(rows × (arcs scanned per search) × log cols) in the worst case; searches usually stop
 * after a handful of columns.
 */
export function shortestAugmentingPath(problem: TransportProblem): TransportSolution {
  const { rows, cols, rowStart, arcCol, arcCost } = problem;
  // A column can never hold more rows than it has arcs: that bounds the slot table by #arcs.
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
  const heap = new IndexedMinHeap(cols, dist);
  const touched = new Int32Array(cols);
  const settled = new Int32Array(cols);
  const labelledRows = new Int32Array(rows);
  const rowDist = new Float64Array(rows);

  for (let s = 0; s < rows; s++) {
    let nTouched = 0;
    let nSettled = 0;
    let nLabelled = 0;
    let unassignedDist = Infinity;
    let unassignedPred = -1;

    const label = (i: number, d: number): void => {
      labelledRows[nLabelled++] = i;
      rowDist[i] = d;
      const ui = u[i];
      for (let e = rowStart[i], end = rowStart[i + 1]; e < end; e++) {
        const j = arcCol[e];
        const nd = d + arcCost[e] - ui - v[j];
        if (nd < dist[j]) {
          if (dist[j] === Infinity) touched[nTouched++] = j;
          dist[j] = nd;
          predRow[j] = i;
          predArc[j] = e;
          heap.push(j);
        }
      }
      const nd = d - ui; // leaving row i unassigned: cost 0, dual of "unassigned" fixed at 0
      if (nd < unassignedDist) {
        unassignedDist = nd;
        unassignedPred = i;
      }
    };

    label(s, 0);
    let terminal = UNASSIGNED;
    let D = unassignedDist;
    while (!heap.isEmpty && heap.topKey <= unassignedDist) {
      const j = heap.pop();
      settled[nSettled++] = j;
      if (load[j] < cap[j]) {
        terminal = j;
        D = dist[j];
        break;
      }
      // Full column: its rows are reached at the same distance (used arcs have reduced cost 0).
      for (let k = slotStart[j], end = slotStart[j] + load[j]; k < end; k++)
        label(slotRow[k], dist[j]);
    }
    if (terminal === UNASSIGNED) D = unassignedDist;

    // Potentials of settled nodes move so that reduced costs stay >= 0 and the path is tight.
    for (let k = 0; k < nSettled; k++) {
      const j = settled[k];
      v[j] += dist[j] - D;
    }
    for (let k = 0; k < nLabelled; k++) {
      const i = labelledRows[k];
      u[i] += D - rowDist[i];
    }

    // Shift rows along the path, from the terminal back to the new row s.
    let j = terminal;
    let slot = UNASSIGNED;
    if (j !== UNASSIGNED) {
      slot = slotStart[j] + load[j]++;
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
