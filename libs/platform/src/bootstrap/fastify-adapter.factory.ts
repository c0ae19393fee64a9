import type { IncomingMessage } from 'node:http';
import { FastifyAdapter } from '@nestjs/platform-fastify';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { PROBLEM_CONTENT_TYPE } from '../errors/problem-details';
import { toProblemDetails } from '../errors/problem-details.mapper';
import { CORRELATION_ID_HEADER, correlationIdOf } from '../logging/correlation-id';
import { httpSecurityConfigSchema, type HttpSecurityConfig } from './http-security.config';

export interface FastifyAdapterConfig {
  readonly HTTP_BODY_LIMIT_BYTES: number;
}

export type HttpServerLimits = Pick<
  HttpSecurityConfig,
  | 'HTTP_REQUEST_TIMEOUT_MS'
  | 'HTTP_HEADERS_TIMEOUT_MS'
  | 'HTTP_CONNECTION_TIMEOUT_MS'
  | 'HTTP_KEEP_ALIVE_TIMEOUT_MS'
  | 'HTTP_TRUSTED_PROXIES'
>;

/**
 * The HTTP adapter every service uses: body limit from config, server timeouts against
 * slow clients, client addresses from X-Forwarded-For set by trusted proxies only, and
 * Fastify's request id equal to the correlation id. Fastify's own logger stays off:
 * nestjs-pino logs requests.
 */
export function createFastifyAdapter(
  config: FastifyAdapterConfig,
  limits: HttpServerLimits = httpSecurityConfigSchema.parse({}),
): FastifyAdapter {
  return new FastifyAdapter({
    bodyLimit: config.HTTP_BODY_LIMIT_BYTES,
    trustProxy: [...limits.HTTP_TRUSTED_PROXIES],
    requestTimeout: limits.HTTP_REQUEST_TIMEOUT_MS,
    connectionTimeout: limits.HTTP_CONNECTION_TIMEOUT_MS,
    keepAliveTimeout: limits.HTTP_KEEP_ALIVE_TIMEOUT_MS,
    http: {
      // Node refuses a headers timeout above the request timeout.
      headersTimeout: Math.min(limits.HTTP_HEADERS_TIMEOUT_MS, limits.HTTP_REQUEST_TIMEOUT_MS),
      // Node checks both timeouts only this often (30 s by default), which would let a slow
      // client hold a socket up to twice the configured time.
      connectionsCheckingInterval: Math.max(
        250,
        Math.min(5_000, Math.floor(limits.HTTP_REQUEST_TIMEOUT_MS / 4)),
      ),
    },
    genReqId: (req: IncomingMessage) => correlationIdOf(req),
    // Errors the router raises before any route runs (a malformed URL, a path parameter over
    // maxParamLength) would otherwise leave as Fastify's plain JSON.
    frameworkErrors: answerFrameworkError as never,
    // Reject, rather than strip, JSON that tries prototype pollution.
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
  });
}

/** Answers a router-level error as problem+json, like every other error. */
export function answerFrameworkError(
  error: FastifyError,
  request: FastifyRequest,
  reply: FastifyReply,
): void {
  const correlationId = correlationIdOf(request.raw);
  const { problem } = toProblemDetails(error, {
    instance: (request.raw.url ?? '').split('?')[0]?.slice(0, 200),
    correlationId,
  });
  void reply
    .status(problem.status)
    .header(CORRELATION_ID_HEADER, correlationId)
    .header('content-type', PROBLEM_CONTENT_TYPE)
    .send(problem);
}
