import fc from 'fast-check';
import { pruneCandidates, topKIndices } from './prune-candidates';

describe('pruneCandidates', () => {
  it('keeps the k best mentors per mentee, lower mentor id first on ties', () => {
    const kept = pruneCandidates(
      [
        { mentee: 'b', mentor: 'X', score: 1 },
        { mentee: 'a', mentor: 'Z', score: 2 },
        { mentee: 'a', mentor: 'Y', score: 2 },
        { mentee: 'a', mentor: 'X', score: 1 },
        { mentee: 'a', mentor: 'W', score: 3 },
      ],
      2,
    );
    expect(kept).toEqual([
      { mentee: 'a', mentor: 'W', score: 3 },
      { mentee: 'a', mentor: 'Y', score: 2 },
      { mentee: 'b', mentor: 'X', score: 1 },
    ]);
    expect(() => pruneCandidates([], -1)).toThrow(RangeError);
  });
});

describe('topKIndices', () => {
  it('matches a full sort', () => {
    fc.assert(
      fc.property(
        fc.array(fc.integer({ min: 0, max: 5 }), { maxLength: 40 }),
        fc.nat(45),
        (values, k) => {
          const expected = values
            .map((v, i) => ({ v, i }))
            .sort((a, b) => b.v - a.v || a.i - b.i)
            .slice(0, k)
            .map((x) => x.i);
          expect(Array.from(topKIndices(values, k))).toEqual(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
