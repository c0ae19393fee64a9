import { partitionLags } from './consumer-lag';

describe('partitionLags', () => {
  const ends = [
    { partition: 0, high: '120', low: '0' },
    { partition: 1, high: '40', low: '10' },
    { partition: 2, high: '7', low: '7' },
  ];

  it('is the log end offset minus the committed offset, per partition', () => {
    expect(
      partitionLags('t', ends, [
        { partition: 0, offset: '100' },
        { partition: 1, offset: '40' },
        { partition: 2, offset: '7' },
      ]),
    ).toEqual([
      { topic: 't', partition: 0, lag: 20 },
      { topic: 't', partition: 1, lag: 0 },
      { topic: 't', partition: 2, lag: 0 },
    ]);
  });

  it('counts every retained message of a partition the group never committed on', () => {
    expect(partitionLags('t', ends, [{ partition: 0, offset: '-1' }])).toEqual([
      { topic: 't', partition: 0, lag: 120 },
      { topic: 't', partition: 1, lag: 30 },
      { topic: 't', partition: 2, lag: 0 },
    ]);
  });

  it('never reports a negative lag (a commit ahead of a truncated log)', () => {
    expect(
      partitionLags('t', [{ partition: 0, high: '5', low: '0' }], [{ partition: 0, offset: '9' }]),
    ).toEqual([{ topic: 't', partition: 0, lag: 0 }]);
  });
});
