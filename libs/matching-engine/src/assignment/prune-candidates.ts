import { compareIds } from '../ids';
import type { AssignmentScore } from './assignment.types';

/**
 * Keeps each mentee's `k` best-scored mentors (ties: lower mentor id first), so very large
 * cohorts are solved exactly on a sparse candidate graph. Output is grouped by mentee id, best
 * first. O(pairs log pairs) in the worst case; for dense numeric rows use `topKIndices`.
 */
export function pruneCandidates(scores: readonly AssignmentScore[], k: number): AssignmentScore[] {
  if (!Number.isInteger(k) || k < 0) throw new RangeError('k must be a non-negative integer');
  const byMentee = new Map<string, AssignmentScore[]>();
  for (const s of scores) {
    const list = byMentee.get(s.mentee);
    if (list) list.push(s);
    else byMentee.set(s.mentee, [s]);
  }
  const mentees = [...byMentee.keys()].sort(compareIds);
  const out: AssignmentScore[] = [];
  for (const mentee of mentees) {
    const list = byMentee.get(mentee) ?? [];
    list.sort((a, b) => b.score - a.score || compareIds(a.mentor, b.mentor));
    for (let i = 0; i < Math.min(k, list.length); i++) out.push(list[i]);
  }
  return out;
}

/**
 * Indices of the `k` largest values (ties: lower index first), best first, in O(n log k) with a
 * bounded heap. For scoring one mentee against every mentor without sorting them all.
 */
export function topKIndices(values: ArrayLike<number>, k: number): Int32Array {
  const size = Math.max(0, Math.min(k, values.length));
  const heap = new Int32Array(size); // min-heap of the best so far: root is the worst kept
  const worse = (a: number, b: number) =>
    values[a] < values[b] || (values[a] === values[b] && a > b);
  let n = 0;
  const siftDown = (i: number) => {
    const x = heap[i];
    for (;;) {
      let child = 2 * i + 1;
      if (child >= n) break;
      if (child + 1 < n && worse(heap[child + 1], heap[child])) child++;
      if (!worse(heap[child], x)) break;
      heap[i] = heap[child];
      i = child;
    }
    heap[i] = x;
  };
  for (let idx = 0; idx < values.length && size > 0; idx++) {
    if (n < size) {
      let i = n++;
      while (i > 0) {
        const parent = (i - 1) >> 1;
        if (!worse(idx, heap[parent])) break;
        heap[i] = heap[parent];
        i = parent;
      }
      heap[i] = idx;
    } else if (worse(heap[0], idx)) {
      heap[0] = idx;
      siftDown(0);
    }
  }
  return heap.sort((a, b) => values[b] - values[a] || a - b);
}
