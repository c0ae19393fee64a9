import { extractBearerToken } from './bearer-token';

describe('extractBearerToken', () => {
  it('reads the token of a Bearer header, any case', () => {
    expect(extractBearerToken('Bearer abc.def.ghi')).toBe('abc.def.ghi');
    expect(extractBearerToken('bearer   abc.def-_ghi')).toBe('abc.def-_ghi');
  });

  it.each([undefined, '', 'Bearer', 'Bearer ', 'Basic dXNlcjpwYXNz', 'Bearer a b', 'Bearer a,b'])(
    'returns undefined for %p',
    (header) => {
      expect(extractBearerToken(header)).toBeUndefined();
    },
  );

  it('ignores repeated headers', () => {
    expect(extractBearerToken(['Bearer a', 'Bearer b'])).toBeUndefined();
  });
});
