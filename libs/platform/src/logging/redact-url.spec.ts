import { redactUrl } from './redact-url';

describe('redactUrl', () => {
  it('hides credentials in query strings and capability paths, keeps the rest', () => {
    expect(redactUrl('/api/v1/unsubscribe?token=abc.def&x=1')).toBe(
      '/api/v1/unsubscribe?token=[redacted]&x=1',
    );
    expect(redactUrl('/api/v1/calendar-feeds/s3cr3t-token.ics')).toBe(
      '/api/v1/calendar-feeds/[redacted]',
    );
    expect(redactUrl('/hook?Signature=1&SIG=2&%74oken=3')).toBe(
      '/hook?Signature=[redacted]&SIG=[redacted]&%74oken=[redacted]',
    );
    expect(redactUrl('/api/v1/programs?limit=5&cursor=abc')).toBe(
      '/api/v1/programs?limit=5&cursor=abc',
    );
    expect(redactUrl('/api/v1/physicians/123')).toBe('/api/v1/physicians/123');
    expect(redactUrl('/x?%E0%A4%A=1')).toBe('/x?%E0%A4%A=1');
    expect(redactUrl(undefined)).toBeUndefined();
  });
});
