import { DLQ_HEADERS, toDeadLetter } from './dead-letter';

describe('toDeadLetter', () => {
  it('keeps key, value and headers and adds where and why it failed', () => {
    const message = {
      topic: 'medmentor.diagnostics.ping.v1',
      partition: 2,
      offset: '41',
      key: Buffer.from('k'),
      value: Buffer.from('{oops'),
      headers: { ce_id: 'e-1' },
    };
    const letter = toDeadLetter(message, 'value is not JSON', 'medmentor-notifications', new Date('2026-11-22T00:00:00Z'));
    expect(letter.key).toEqual(Buffer.from('k'));
    expect(letter.value).toEqual(Buffer.from('{oops'));
    expect(letter.headers).toEqual({
      ce_id: 'e-1',
      [DLQ_HEADERS.reason]: 'value is not JSON',
      [DLQ_HEADERS.topic]: 'medmentor.diagnostics.ping.v1',
      [DLQ_HEADERS.partition]: '2',
      [DLQ_HEADERS.offset]: '41',
      [DLQ_HEADERS.group]: 'medmentor-notifications',
      [DLQ_HEADERS.failedAt]: '2026-11-22T00:00:00.000Z',
    });
  });
});
