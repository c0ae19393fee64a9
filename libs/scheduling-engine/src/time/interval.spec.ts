import fc from 'fast-check';
import { intersectIntervals, mergeIntervals, subtractIntervals, type Interval } from './interval';

const intervals = fc.array(
  fc
    .tuple(fc.integer({ min: 0, max: 200 }), fc.integer({ min: 1, max: 30 }))
    .map(([start, length]) => ({ start, end: start + length })),
  { maxLength: 12 },
);

const covers = (list: readonly Interval[], t: number): boolean =>
  list.some((i) => i.start <= t && t < i.end);

describe('interval arithmetic', () => {
  it('merges, intersects and subtracts exactly as point sets do', () => {
    fc.assert(
      fc.property(intervals, intervals, (a, b) => {
        const ma = mergeIntervals(a);
        const mb = mergeIntervals(b);
        const both = intersectIntervals(ma, mb);
        const rest = subtractIntervals(ma, mb);
        for (let t = 0; t < 240; t += 1) {
          if (covers(ma, t) !== covers(a, t)) return false;
          if (covers(both, t) !== (covers(a, t) && covers(b, t))) return false;
          if (covers(rest, t) !== (covers(a, t) && !covers(b, t))) return false;
        }
        return ma.every((m, k) => k === 0 || m.start > ma[k - 1].end);
      }),
    );
  });
});
