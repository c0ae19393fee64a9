import fc from 'fast-check';
import { BoundedHeap } from './bounded-heap';

describe('BoundedHeap', () => {
  it('keeps the k best, equal scores to the lower index, like a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        fc.integer({ min: 0, max: 8 }),
        (scores, k) => {
          const heap = new BoundedHeap(k);
          scores.forEach((s, i) => heap.push(i, s));
          const expected = scores
            .map((score, index) => ({ index, score }))
            .sort((a, b) => b.score - a.score || a.index - b.index)
            .slice(0, k);
          expect(heap.sorted()).toEqual(expected);
          const floor = k === 0 ? Infinity : scores.length >= k ? expected[k - 1].score : -Infinity;
          expect(heap.floor()).toBe(floor);
        },
      ),
    );
  });
});
