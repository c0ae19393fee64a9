import { z } from 'zod';

/** W3C trace context `traceparent` header value. */
const TRACEPARENT = /^[0-9a-f]{2}-[0-9a-f]{32}-[0-9a-f]{16}-[0-9a-f]{2}$/;

/**
 * CloudEvents 1.0, structured JSON mode, with the platform's extension attributes
 * (CloudEvents extension names are lower-case letters and digits only).
 */
export const eventEnvelopeSchema = z.object({
  specversion: z.literal('1.0'),
  id: z.string().min(1).max(128),
  source: z.string().min(1).max(256),
  type: z.string().min(1).max(256),
  time: z.iso.datetime({ offset: true }),
  subject: z.string().min(1).max(256),
  datacontenttype: z.literal('application/json'),
  dataschema: z.string().min(1).max(256).optional(),
  tenantid: z.string().min(1).max(128),
  correlationid: z.string().min(1).max(128),
  causationid: z.string().min(1).max(128).optional(),
  traceparent: z.string().regex(TRACEPARENT).optional(),
  data: z.unknown(),
});

export interface EventEnvelope<TData = unknown> {
  specversion: '1.0';
  id: string;
  source: string;
  type: string;
  time: string;
  subject: string;
  datacontenttype: 'application/json';
  dataschema?: string;
  tenantid: string;
  correlationid: string;
  causationid?: string;
  traceparent?: string;
  data: TData;
}

/** Content type of a structured-mode CloudEvent on a Kafka message. */
export const CLOUDEVENTS_CONTENT_TYPE = 'application/cloudevents+json; charset=UTF-8';
