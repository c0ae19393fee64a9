import { randomUUID } from 'node:crypto';
import { eventCatalog, type EventPayload, type EventTopic, type EventType } from '../catalog/event-catalog';
import type { EventEnvelope } from '../envelope/event-envelope.schema';
import { ContractViolationError } from './contract-violation.error';
import { formatIssues } from './format-issues';

export interface EventMetadata {
  tenantId: string;
  /** Service that emits the event, e.g. `profiles`. */
  source: string;
  /** Correlation id of the request or event that led here; a new one is made if absent. */
  correlationId?: string;
  /** Id of the event that caused this one, if any. */
  causationId?: string;
  traceparent?: string;
  /** Fixed id and time, for tests and replays; normally generated. */
  id?: string;
  time?: Date;
}

export interface OutgoingEvent<T extends EventType = EventType> {
  topic: EventTopic<T>;
  key: string;
  envelope: EventEnvelope<EventPayload<T>>;
}

/**
 * Builds a validated envelope for an event type. The topic and key come from the catalog,
 * so an event cannot be sent to the wrong topic.
 */
export const createEvent = <T extends EventType>(
  type: T,
  data: EventPayload<T>,
  meta: EventMetadata,
): OutgoingEvent<T> => {
  const definition = eventCatalog[type];
  const parsed = definition.schema.safeParse(data);
  if (!parsed.success) {
    throw new ContractViolationError(`Invalid payload for ${type}`, formatIssues(parsed.error, 'data'));
  }
  const payload = parsed.data as EventPayload<T>;
  const key = (payload as Record<string, unknown>)[definition.keyField];
  if (typeof key !== 'string' || key === '') {
    throw new ContractViolationError(`Missing key field ${definition.keyField} for ${type}`);
  }
  const id = meta.id ?? randomUUID();
  const envelope: EventEnvelope<EventPayload<T>> = {
    specversion: '1.0',
    id,
    source: `/medmentor/${meta.source}`,
    type,
    time: (meta.time ?? new Date()).toISOString(),
    subject: key,
    datacontenttype: 'application/json',
    dataschema: `urn:medmentor:${definition.topic}`,
    tenantid: meta.tenantId,
    correlationid: meta.correlationId ?? id,
    ...(meta.causationId === undefined ? {} : { causationid: meta.causationId }),
    ...(meta.traceparent === undefined ? {} : { traceparent: meta.traceparent }),
    data: payload,
  };
  return { topic: definition.topic, key, envelope };
};
