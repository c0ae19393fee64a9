import { randomUUID } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const CORRELATION_ID_HEADER = 'x-correlation-id';

// Accept what tracing systems and clients commonly send; anything else (too long, control
// characters, JSON) is replaced so a header cannot inject into logs or response headers.
const ACCEPTABLE = /^[A-Za-z0-9._:@/+=-]{1,128}$/;

const assigned = new WeakMap<IncomingMessage, string>();

/** The header's value when acceptable, else a new UUID. */
export function correlationIdFrom(header: string | string[] | undefined): string {
  const value = Array.isArray(header) ? header[0] : header;
  return value !== undefined && ACCEPTABLE.test(value) ? value : randomUUID();
}

/**
 * The request's correlation id, decided once per request: Fastify's request id, the pino
 * request logger, the middleware and the exception filter all call this and agree.
 */
export function correlationIdOf(req: IncomingMessage): string {
  let id = assigned.get(req);
  if (id === undefined) {
    id = correlationIdFrom(req.headers[CORRELATION_ID_HEADER]);
    assigned.set(req, id);
  }
  return id;
}
