import cors from '@fastify/cors';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import { HttpException } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { HttpSecurityConfig } from './http-security.config';

/**
 * Resolves a bearer token to the subject it authenticates, or undefined when the token does
 * not verify. Only verified subjects key the rate limit: an unverified `sub` would let a
 * client choose its own bucket.
 */
export type SubjectResolver = (token: string) => Promise<string | undefined>;

export const RATE_LIMITED = 'rate-limited';

/** Probes and scrapes: never throttled, a kubelet or Prometheus must always get through. */
const UNLIMITED_PATHS = new Set(['/health/live', '/health/ready', '/metrics']);

/**
 * Content-Security-Policy for a JSON API that also serves Swagger UI at /docs: scripts only
 * from the service itself (Swagger UI's are files), inline styles and data: images for the
 * UI, no framing, no plugins.
 */
const CONTENT_SECURITY_POLICY = {
  useDefaults: false,
  directives: {
    defaultSrc: ["'self'"],
    scriptSrc: ["'self'"],
    styleSrc: ["'self'", "'unsafe-inline'"],
    imgSrc: ["'self'", 'data:'],
    fontSrc: ["'self'", 'data:'],
    connectSrc: ["'self'"],
    objectSrc: ["'none'"],
    baseUri: ["'self'"],
    formAction: ["'self'"],
    frameAncestors: ["'none'"],
  },
};

const pathOf = (request: FastifyRequest): string => request.url.split('?')[0] ?? '';

function bearerOf(request: FastifyRequest): string | undefined {
  const header = request.headers.authorization;
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer ([^\s]+)$/i.exec(header.trim());
  return match?.[1];
}

/** The rate-limit bucket: `sub:<subject>` for a verified token, else `ip:<client address>`. */
export function rateLimitKeyGenerator(subjectOf?: SubjectResolver) {
  return async (request: FastifyRequest): Promise<string> => {
    const token = bearerOf(request);
    if (token !== undefined && subjectOf !== undefined) {
      const subject = await subjectOf(token).catch(() => undefined);
      if (subject !== undefined) return `sub:${subject}`;
    }
    return `ip:${request.ip}`;
  };
}

/**
 * Security headers (helmet), CORS from an allow-list (no cross-origin access by default)
 * and per-client rate limits (429 problem+json with Retry-After). Register before routes
 * are added: the rate limit attaches itself to each route as it is declared.
 */
export async function registerHttpSecurity(
  app: NestFastifyApplication,
  config: HttpSecurityConfig,
  options: { readonly subjectOf?: SubjectResolver } = {},
): Promise<void> {
  // Nest's adapter ships its own copy of Fastify 5, whose types differ from the root copy
  // the plugins are typed against; at run time both are Fastify 5.
  const fastify = app.getHttpAdapter().getInstance() as unknown as FastifyInstance;
  await fastify.register(helmet, { contentSecurityPolicy: CONTENT_SECURITY_POLICY });

  const allowed = new Set(config.HTTP_CORS_ORIGINS);
  await fastify.register(cors, {
    // `false` sends no CORS headers at all, so browsers refuse the cross-origin call.
    origin: (origin, callback) => callback(null, origin !== undefined && allowed.has(origin)),
    methods: ['GET', 'HEAD', 'POST', 'PUT', 'PATCH', 'DELETE'],
    allowedHeaders: [
      'Authorization',
      'Content-Type',
      'X-Correlation-Id',
      'X-Tenant-Id',
      'If-Match',
    ],
    exposedHeaders: ['X-Correlation-Id', 'ETag', 'Location', 'Retry-After'],
    maxAge: 600,
  });

  if (config.HTTP_RATE_LIMIT_MAX === 0) return;
  await fastify.register(rateLimit, {
    global: true,
    hook: 'onRequest',
    max: config.HTTP_RATE_LIMIT_MAX,
    timeWindow: config.HTTP_RATE_LIMIT_WINDOW_MS,
    keyGenerator: rateLimitKeyGenerator(options.subjectOf),
    allowList: (request) => UNLIMITED_PATHS.has(pathOf(request)),
    // Thrown into Nest's error handler, so the problem filter answers it as problem+json;
    // the rate-limit headers (Retry-After included) are already on the reply.
    errorResponseBuilder: (_request, context) =>
      new HttpException(
        {
          message: `Too many requests: at most ${context.max} per ${config.HTTP_RATE_LIMIT_WINDOW_MS / 1000} s; retry in ${context.after}.`,
          code: RATE_LIMITED,
        },
        429,
      ),
  });
}
