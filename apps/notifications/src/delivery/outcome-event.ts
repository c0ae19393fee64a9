import { createEvent, type OutgoingEvent, type SkipReason } from '@medmentor/contracts';
import type { Delivery } from './schemas/delivery.schema';

type Outcome =
  | { type: 'medmentor.notifications.delivery.sent' }
  | { type: 'medmentor.notifications.delivery.failed'; reason: string }
  | { type: 'medmentor.notifications.delivery.skipped'; reason: SkipReason };

type DeliveryFacts = Pick<
  Delivery,
  | '_id'
  | 'tenantId'
  | 'kind'
  | 'channel'
  | 'physicianId'
  | 'webhookId'
  | 'sourceEventId'
  | 'sourceEventType'
  | 'attempts'
>;

/** The event announcing a delivery's outcome: ids only, caused by the source event. */
export const outcomeEvent = (
  delivery: DeliveryFacts,
  outcome: Outcome,
  at: Date,
): OutgoingEvent => {
  const base = {
    deliveryId: delivery._id,
    tenantId: delivery.tenantId,
    kind: delivery.kind,
    channel: delivery.channel as 'email' | 'inbox' | 'webhook',
    ...(delivery.physicianId !== undefined && { physicianId: delivery.physicianId }),
    ...(delivery.webhookId !== undefined && { webhookId: delivery.webhookId }),
    ...(delivery.sourceEventId !== undefined && { sourceEventId: delivery.sourceEventId }),
    ...(delivery.sourceEventType !== undefined && { sourceEventType: delivery.sourceEventType }),
    attempts: delivery.attempts,
    at: at.toISOString(),
  };
  const meta = {
    tenantId: delivery.tenantId,
    source: 'notifications',
    time: at,
    ...(delivery.sourceEventId !== undefined && { causationId: delivery.sourceEventId }),
  };
  switch (outcome.type) {
    case 'medmentor.notifications.delivery.sent':
      return createEvent(outcome.type, base, meta);
    case 'medmentor.notifications.delivery.failed':
      return createEvent(outcome.type, { ...base, reason: outcome.reason.slice(0, 1000) }, meta);
    case 'medmentor.notifications.delivery.skipped':
      return createEvent(outcome.type, { ...base, reason: outcome.reason }, meta);
  }
};
