import { createEvent } from './create-event';
import { decodeEvent } from './decode-event';
import { ContractViolationError } from './contract-violation.error';
import { Topics } from '../topics';

const meta = { tenantId: 'tenant-1', source: 'profiles', correlationId: 'corr-1' };
const ping = { pingId: 'p-1', message: 'hello', sentAt: '2026-11-22T10:00:00.000Z' };

describe('createEvent', () => {
  it('builds a CloudEvents envelope with topic and key from the catalog', () => {
    const event = createEvent('medmentor.diagnostics.ping.sent', ping, { ...meta, causationId: 'c-0' });
    expect(event.topic).toBe(Topics.DiagnosticsPing);
    expect(event.key).toBe('p-1');
    expect(event.envelope).toMatchObject({
      specversion: '1.0',
      type: 'medmentor.diagnostics.ping.sent',
      source: '/medmentor/profiles',
      subject: 'p-1',
      tenantid: 'tenant-1',
      correlationid: 'corr-1',
      causationid: 'c-0',
      datacontenttype: 'application/json',
      data: ping,
    });
    expect(event.envelope.id).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('uses the event id as correlation id when none is given', () => {
    const event = createEvent('medmentor.diagnostics.ping.sent', ping, { tenantId: 't', source: 'profiles' });
    expect(event.envelope.correlationid).toBe(event.envelope.id);
  });

  it('rejects an invalid payload with field-level reasons', () => {
    const bad = { ...ping, pingId: '' };
    expect(() => createEvent('medmentor.diagnostics.ping.sent', bad, meta)).toThrow(ContractViolationError);
    expect(() => createEvent('medmentor.diagnostics.ping.sent', bad, meta)).toThrow(/data\.pingId/);
  });
});

describe('decodeEvent', () => {
  const encoded = () =>
    Buffer.from(JSON.stringify(createEvent('medmentor.diagnostics.ping.sent', ping, meta).envelope));

  it('round-trips a valid event', () => {
    const result = decodeEvent(Topics.DiagnosticsPing, encoded());
    expect(result.ok).toBe(true);
    if (result.ok) {
      expect(result.envelope.data).toEqual(ping);
      expect(result.type).toBe('medmentor.diagnostics.ping.sent');
    }
  });

  it.each([
    ['an empty value', null, /empty/],
    ['non-JSON bytes', Buffer.from('{oops'), /not JSON/],
    ['a non-CloudEvents object', Buffer.from('{"hello":"world"}'), /envelope/],
  ])('rejects %s', (_label, value, reason) => {
    const result = decodeEvent(Topics.DiagnosticsPing, value);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.reason).toMatch(reason);
  });

  it('rejects an unknown event type', () => {
    const envelope = { ...JSON.parse(encoded().toString()), type: 'medmentor.unknown.thing' };
    const result = decodeEvent(Topics.DiagnosticsPing, JSON.stringify(envelope));
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/unknown event type/) });
  });

  it('rejects an event on the wrong topic', () => {
    const result = decodeEvent('medmentor.other.v1', encoded());
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/does not belong/) });
  });

  it('rejects a payload that breaks its schema and names the field', () => {
    const envelope = JSON.parse(encoded().toString());
    envelope.data.sentAt = 'yesterday';
    const result = decodeEvent(Topics.DiagnosticsPing, JSON.stringify(envelope));
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/data\.sentAt/) });
  });

  it('rejects a missing tenant id', () => {
    const envelope = JSON.parse(encoded().toString());
    delete envelope.tenantid;
    const result = decodeEvent(Topics.DiagnosticsPing, JSON.stringify(envelope));
    expect(result).toMatchObject({ ok: false, reason: expect.stringMatching(/tenantid/) });
  });
});
