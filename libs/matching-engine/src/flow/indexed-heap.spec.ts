import fc from 'fast-check';
import { IndexedMinHeap } from './indexed-heap';

describe('IndexedMinHeap', () => {
  it('pops in (key, node) order after inserts and decreases', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.nat(19), fc.integer({ min: -5, max: 5 })), { maxLength: 60 }),
        (ops) => {
          const key = new Float64Array(20).fill(Infinity);
          const heap = new IndexedMinHeap(20, key);
          for (const [node, k] of ops) {
            if (k < key[node]) {
              key[node] = k;
              heap.push(node);
            }
          }
          const expected = [...key.keys()]
            .filter((n) => key[n] !== Infinity)
            .sort((a, b) => key[a] - key[b] || a - b);
          const popped: number[] = [];
          while (!heap.isEmpty) popped.push(heap.pop());
          expect(popped).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
