import { createEvent } from '@medmentor/contracts';
import { outboxFields, withOutbox } from './outbox-entry';

const event = createEvent(
  'medmentor.diagnostics.ping.sent',
  { pingId: 'p-1', message: 'hi', sentAt: '2026-11-22T00:00:00.000Z' },
  { tenantId: 't-1', source: 'profiles' },
);

describe('outbox entries', () => {
  it('adds the events to an update in the same operation and flags the document', () => {
    const update = withOutbox({ $set: { status: 'sent' }, $inc: { count: 1 } }, [event]);
    expect(update.$set).toEqual({ status: 'sent', _outboxPending: true });
    expect(update.$inc).toEqual({ count: 1 });
    const pushed = (update.$push as Record<string, { $each: { id: string; value: string; headers: Record<string, string> }[] }>)._outbox.$each;
    expect(pushed).toHaveLength(1);
    expect(pushed[0].id).toBe(event.envelope.id);
    expect(JSON.parse(pushed[0].value)).toEqual(event.envelope);
    expect(pushed[0].headers.ce_type).toBe('medmentor.diagnostics.ping.sent');
  });

  it('leaves an update alone when there is no event', () => {
    const update = { $set: { a: 1 } };
    expect(withOutbox(update, [])).toBe(update);
  });

  it('gives new documents their events', () => {
    const fields = outboxFields([event]);
    expect(fields._outboxPending).toBe(true);
    expect(fields._outbox).toHaveLength(1);
  });
});
