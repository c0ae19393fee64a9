import { eventCatalog, isKnownEventType, type EventType } from '../catalog/event-catalog';
import { eventEnvelopeSchema, type EventEnvelope } from '../envelope/event-envelope.schema';
import { formatIssues } from './format-issues';

export type DecodeResult =
  | { ok: true; envelope: EventEnvelope; type: EventType }
  | { ok: false; reason: string; envelope?: Partial<EventEnvelope> };

/**
 * Decodes and validates a message read from `topic`: JSON, CloudEvents envelope, a known
 * event type that belongs on this topic, and its payload schema. Never throws.
 */
export const decodeEvent = (topic: string, value: Buffer | string | null): DecodeResult => {
  if (value === null || value.length === 0) {
    return { ok: false, reason: 'empty message value' };
  }
  let json: unknown;
  try {
    json = JSON.parse(typeof value === 'string' ? value : value.toString('utf8'));
  } catch (error) {
    return { ok: false, reason: `value is not JSON: ${(error as Error).message}` };
  }
  const envelope = eventEnvelopeSchema.safeParse(json);
  if (!envelope.success) {
    return { ok: false, reason: `invalid CloudEvents envelope: ${formatIssues(envelope.error).join('; ')}` };
  }
  const { type } = envelope.data;
  const partial = envelope.data as EventEnvelope;
  if (!isKnownEventType(type)) {
    return { ok: false, reason: `unknown event type ${type}`, envelope: partial };
  }
  const definition = eventCatalog[type];
  if (definition.topic !== topic) {
    return { ok: false, reason: `event type ${type} does not belong on topic ${topic}`, envelope: partial };
  }
  const data = definition.schema.safeParse(envelope.data.data);
  if (!data.success) {
    return {
      ok: false,
      reason: `invalid payload for ${type}: ${formatIssues(data.error, 'data').join('; ')}`,
      envelope: partial,
    };
  }
  return { ok: true, type, envelope: { ...partial, data: data.data } };
};
