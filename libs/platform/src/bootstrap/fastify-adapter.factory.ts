import type { IncomingMessage } from 'node:http';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import { correlationIdOf } from '../logging/correlation-id';

export interface FastifyAdapterConfig {
  readonly HTTP_BODY_LIMIT_BYTES: number;
}

/**
 * The HTTP adapter every service uses: body limit from config, client addresses from
 * X-Forwarded-For (services run behind an ingress), and Fastify's request id equal to
 * the correlation id. Fastify's own logger stays off: nestjs-pino logs requests.
 */
export function createFastifyAdapter(config: FastifyAdapterConfig): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.HTTP_BODY_LIMIT_BYTES,
    trustProxy: true,
    genReqId: (req: IncomingMessage) => correlationIdOf(req),
    // Reject, rather than strip, JSON that tries prototype pollution.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
}
