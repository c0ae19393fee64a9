import { hostname } from 'node:os';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Params } from 'nestjs-pino';
import {
  pino,
  stdTimeFunctions,
  type DestinationStream,
  type Logger,
  type LoggerOptions,
} from 'pino';
import type { Options as PinoHttpOptions } from 'pino-http';
import { CORRELATION_ID_HEADER, correlationIdOf } from './correlation-id';
import { redactUrl } from './redact-url';
import { RequestContext, isBoundToHttpLogger } from './request-context';

// Paths of values that identify a person or grant access, wherever a log call puts them
// (pino's `*` is one level). Handlers log ids, never these; this is the safety net.
const PERSONAL_KEYS = ['email', 'phone', 'token', 'secret', 'password', 'authorization'];

export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers.cookie',
  'req.headers["proxy-authorization"]',
  'req.headers["x-webhook-signature"]',
  'res.headers["set-cookie"]',
  ...PERSONAL_KEYS.flatMap((key) => [key, `*.${key}`, `*.*.${key}`]),
];

const QUIET_PATHS = ['/health/live', '/health/ready', '/metrics'];

/** Options shared by the Nest logger and the standalone logger used before Nest runs. */
export function basePinoOptions(serviceName: string, level: string): LoggerOptions {
  return {
    level,
    base: { service: serviceName, pid: process.pid, hostname: hostname() },
    timestamp: stdTimeFunctions.isoTime,
    formatters: { level: (label) => ({ level: label }) },
    redact: { paths: REDACTED_PATHS, censor: '[redacted]' },
    // Non-HTTP work (a Kafka handler) sets the id with runWithCorrelationId; HTTP request
    // loggers already carry it as a binding, so it is not added twice.
    mixin: () => {
      const correlationId = RequestContext.getCorrelationId();
      return correlationId === undefined || isBoundToHttpLogger() ? {} : { correlationId };
    },
  };
}

/** A JSON logger for code that runs outside Nest (boot failures, fatal process errors). */
export function createStandaloneLogger(
  serviceName: string,
  level = 'info',
  destination?: DestinationStream,
): Logger {
  return destination === undefined
    ? pino(basePinoOptions(serviceName, level))
    : pino(basePinoOptions(serviceName, level), destination);
}

/** nestjs-pino parameters: one JSON line per request and per log call, with correlation ids. */
export function createLoggerParams(
  serviceName: string,
  level: string,
  destination?: DestinationStream,
): Params {
  const options: PinoHttpOptions = {
    ...basePinoOptions(serviceName, level),
    quietReqLogger: true,
    customAttributeKeys: { reqId: 'correlationId' },
    // Capability links carry their credential in the URL (calendar feeds, unsubscribe).
    serializers: {
      req: (req: { url?: string }) => ({ ...req, url: redactUrl(req.url) }),
    },
    genReqId: (req: IncomingMessage, res: ServerResponse) => {
      const id = correlationIdOf(req);
      if (!res.headersSent) res.setHeader(CORRELATION_ID_HEADER, id);
      return id;
    },
    customLogLevel: (req, res, err) => {
      const quiet = QUIET_PATHS.includes((req.url ?? '').split('?')[0] ?? '');
      // Probes and scrapes every few seconds would drown the useful lines. A failing probe
      // is expected while draining or when a dependency is down: warn, not error.
      if (quiet) return res.statusCode >= 400 ? 'warn' : 'silent';
      if (err !== undefined || res.statusCode >= 500) return 'error';
      return res.statusCode >= 400 ? 'warn' : 'info';
    },
    // pino-http invents an Error ("failed with status code 503") for a 5xx without one;
    // a stack pointing into pino-http helps no one. Real errors (set by the filter) stay.
    customErrorObject: (_req, res, error, value: Record<string, unknown>) =>
      error.message === `failed with status code ${res.statusCode}` ? omit(value, 'err') : value,
  };
  return { pinoHttp: destination === undefined ? options : [options, destination] };
}

function omit(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const { [key]: _omitted, ...rest } = value;
  return rest;
}
