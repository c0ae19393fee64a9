import { isUuid, newId } from './ids';

describe('ids', () => {
  it('creates distinct UUIDs', () => {
    const a = newId();
    const b = newId();
    expect(isUuid(a)).toBe(true);
    expect(a).not.toBe(b);
  });

  it('rejects strings that are not UUIDs', () => {
    expect(isUuid('not-a-uuid')).toBe(false);
    expect(isUuid('')).toBe(false);
  });
});
