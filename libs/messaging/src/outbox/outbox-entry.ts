import { CLOUDEVENTS_CONTENT_TYPE, type OutgoingEvent } from '@medmentor/contracts';

/**
 * A pending event as stored inside its aggregate document. The value is kept as a JSON
 * string so payload keys never meet the database's field-name rules.
 */
export interface OutboxEntry {
  id: string;
  topic: string;
  key: string;
  value: string;
  headers: Record<string, string>;
  createdAt: Date;
}

/** Field names the outbox adds to an aggregate document. */
export const OUTBOX_FIELDS = {
  entries: '_outbox',
  pending: '_outboxPending',
  lockedBy: '_outboxLockedBy',
  lockedUntil: '_outboxLockedUntil',
} as const;

export const toOutboxEntry = (event: OutgoingEvent): OutboxEntry => ({
  id: event.envelope.id,
  topic: event.topic,
  key: event.key,
  value: JSON.stringify(event.envelope),
  headers: {
    'content-type': CLOUDEVENTS_CONTENT_TYPE,
    ce_id: event.envelope.id,
    ce_type: event.envelope.type,
    ce_tenantid: event.envelope.tenantid,
  },
  createdAt: new Date(),
});

/** Fields to spread into a new aggregate document so it is inserted with its events. */
export const outboxFields = (events: readonly OutgoingEvent[]) => ({
  [OUTBOX_FIELDS.entries]: events.map(toOutboxEntry),
  [OUTBOX_FIELDS.pending]: events.length > 0,
});

type UpdateDocument = Record<string, unknown> & {
  $set?: Record<string, unknown>;
  $push?: Record<string, unknown>;
};

/**
 * Adds events to an update of their aggregate, so the state change and the events that
 * announce it are written by one atomic single-document operation.
 */
export const withOutbox = <U extends UpdateDocument>(
  update: U,
  events: readonly OutgoingEvent[],
): U & { $set: Record<string, unknown>; $push: Record<string, unknown> } => {
  if (events.length === 0) return update as U & { $set: Record<string, unknown>; $push: Record<string, unknown> };
  return {
    ...update,
    $set: { ...(update.$set ?? {}), [OUTBOX_FIELDS.pending]: true },
    $push: {
      ...(update.$push ?? {}),
      [OUTBOX_FIELDS.entries]: { $each: events.map(toOutboxEntry) },
    },
  };
};
