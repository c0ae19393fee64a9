import { AUDIT_ACTION_PATTERN, auditSummarySchema } from './audit-entry';
import { auditOriginOfRequest, currentAuditOrigin, runWithAuditOrigin } from './audit-origin';

describe('audit summary', () => {
  it('accepts ids, field names, counts and states', () => {
    const summary = {
      changedFields: ['name', 'status'],
      status: 'open',
      rows: 12,
      dryRun: false,
      previous: null,
    };
    expect(auditSummarySchema.parse(summary)).toEqual(summary);
  });

  it.each([
    ['nested objects', { profile: { email: 'a@b.c' } }],
    ['long free text', { note: 'x'.repeat(201) }],
    ['keys that are not identifiers', { 'a.b': 'x' }],
    ['too many keys', Object.fromEntries(Array.from({ length: 21 }, (_, i) => [`k${i}`, i]))],
  ])('refuses %s', (_name, summary) => {
    expect(auditSummarySchema.safeParse(summary).success).toBe(false);
  });

  it('names actions <resource>.<verb>', () => {
    expect(AUDIT_ACTION_PATTERN.test('program.published')).toBe(true);
    expect(AUDIT_ACTION_PATTERN.test('physician.erased')).toBe(true);
    expect(AUDIT_ACTION_PATTERN.test('published')).toBe(false);
    expect(AUDIT_ACTION_PATTERN.test('Program.Published')).toBe(false);
  });
});

describe('audit origin', () => {
  it('reads the client address and a bounded user agent from the request', () => {
    expect(
      auditOriginOfRequest({ ip: '198.51.100.1', headers: { 'user-agent': 'x'.repeat(300) } }),
    ).toEqual({
      ip: '198.51.100.1',
      userAgent: 'x'.repeat(256),
    });
    expect(auditOriginOfRequest({ headers: {} })).toEqual({});
  });

  it('is empty outside a request and explicit inside runWithAuditOrigin', () => {
    expect(currentAuditOrigin()).toEqual({});
    expect(runWithAuditOrigin({ ip: '192.0.2.1' }, () => currentAuditOrigin())).toEqual({
      ip: '192.0.2.1',
    });
  });
});
