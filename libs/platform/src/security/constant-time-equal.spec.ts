import { constantTimeEqual } from './constant-time-equal';

describe('constantTimeEqual', () => {
  it('is true only for the same secret', () => {
    expect(constantTimeEqual('feed-token-123', 'feed-token-123')).toBe(true);
    expect(constantTimeEqual(Buffer.from('abc'), 'abc')).toBe(true);
    expect(constantTimeEqual('feed-token-124', 'feed-token-123')).toBe(false);
    expect(constantTimeEqual('feed-token-12', 'feed-token-123')).toBe(false);
    expect(constantTimeEqual('', 'feed-token-123')).toBe(false);
    expect(constantTimeEqual('ÄÖÜ', 'AOU')).toBe(false);
  });

  it('is false for anything that is not a string or buffer', () => {
    for (const presented of [
      undefined,
      null,
      123,
      ['feed-token-123'],
      { toString: () => 'feed-token-123' },
    ]) {
      expect(constantTimeEqual(presented, 'feed-token-123')).toBe(false);
    }
  });
});
