import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { DomainError, VALIDATION_FAILED, type FieldError } from './domain-error';
import { problemTypeFor, type ProblemDetails } from './problem-details';
import { zodIssuesToFieldErrors } from './zod-issues';

export const INTERNAL_ERROR = 'internal-error';
export const MALFORMED_BODY = 'malformed-body';

/** What the filter does with an exception: the answer, and whether it deserves a log line. */
export interface MappedProblem {
  readonly problem: ProblemDetails;
  /** Server faults are logged with their stack; client errors are in the access log already. */
  readonly log: 'none' | 'error';
}

export interface ProblemContext {
  readonly instance?: string;
  readonly correlationId?: string;
}

const CODE_BY_STATUS: Readonly<Record<number, string>> = {
  400: 'bad-request',
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not-found',
  405: 'method-not-allowed',
  406: 'not-acceptable',
  408: 'request-timeout',
  409: 'conflict',
  410: 'gone',
  412: 'precondition-failed',
  413: 'payload-too-large',
  415: 'unsupported-media-type',
  422: 'unprocessable-content',
  429: 'too-many-requests',
  500: INTERNAL_ERROR,
  501: 'not-implemented',
  502: 'bad-gateway',
  503: 'service-unavailable',
  504: 'gateway-timeout',
};

// Fastify's body-parser errors reach the filter as HttpExceptions carrying only Fastify's
// message (Nest's router maps them so), or raw with their FST_ code. Both are recognised.
const MALFORMED_JSON_CODES = new Set([
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
]);
const MALFORMED_JSON_MESSAGES = new Set([
  "Body is not valid JSON but content-type is set to 'application/json'",
  "Body cannot be empty when content-type is set to 'application/json'",
]);

const titleOf = (status: number): string => STATUS_CODES[status] ?? 'Error';
const codeOf = (status: number): string => CODE_BY_STATUS[status] ?? `http-${status}`;

/** Maps any thrown value to RFC 9457 problem details. Pure: no I/O, no logging. */
export function toProblemDetails(exception: unknown, context: ProblemContext = {}): MappedProblem {
  const base = { instance: context.instance, correlationId: context.correlationId };

  if (exception instanceof DomainError) {
    return {
      problem: clean({
        ...base,
        type: problemTypeFor(exception.code),
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        code: exception.code,
        errors: exception.errors,
      }),
      log: exception.status >= 500 ? 'error' : 'none',
    };
  }

  if (exception instanceof z.core.$ZodError) {
    const errors = zodIssuesToFieldErrors(exception.issues);
    return {
      problem: clean({
        ...base,
        type: problemTypeFor(VALIDATION_FAILED),
        title: 'Invalid request',
        status: 400,
        detail: `The request has ${errors.length} invalid field${errors.length === 1 ? '' : 's'}.`,
        code: VALIDATION_FAILED,
        errors,
      }),
      log: 'none',
    };
  }

  const fastify = asFastifyClientError(exception);
  if (fastify !== undefined)
    return httpProblem(fastify.status, fastify.message, fastify.code, undefined, base);

  if (exception instanceof HttpException) {
    const { message, code, errors } = readHttpResponse(exception.getResponse());
    return httpProblem(exception.getStatus(), message, code, errors, base);
  }

  return {
    problem: clean({
      ...base,
      type: problemTypeFor(INTERNAL_ERROR),
      title: titleOf(500),
      status: 500,
      detail: 'An unexpected error occurred. Quote the correlation id when reporting it.',
      code: INTERNAL_ERROR,
    }),
    log: 'error',
  };
}

function httpProblem(
  status: number,
  message: string | undefined,
  explicitCode: string | undefined,
  errors: FieldError[] | undefined,
  base: ProblemContext,
): MappedProblem {
  if (status === 400 && message !== undefined && MALFORMED_JSON_MESSAGES.has(message)) {
    return {
      problem: clean({
        ...base,
        type: problemTypeFor(MALFORMED_BODY),
        title: 'Malformed request body',
        status,
        detail: 'The request body is not valid JSON.',
        code: MALFORMED_BODY,
      }),
      log: 'none',
    };
  }
  const isServerFault = status >= 500;
  return {
    problem: clean({
      ...base,
      type: 'about:blank',
      title: titleOf(status),
      status,
      // A deliberate 5xx may say why (503 "search index rebuilding"); a bare 500 says nothing.
      detail:
        status === 500
          ? 'An unexpected error occurred. Quote the correlation id when reporting it.'
          : message,
      code: explicitCode ?? codeOf(status),
      errors,
    }),
    log: isServerFault ? 'error' : 'none',
  };
}

/** Reads Nest's response body shapes: a string, or `{ message, error, statusCode, code? }`. */
function readHttpResponse(response: string | object): {
  message?: string;
  code?: string;
  errors?: FieldError[];
} {
  if (typeof response === 'string') return { message: response };
  const body = response as Record<string, unknown>;
  const message = Array.isArray(body['message'])
    ? body['message'].map(String).join('; ')
    : typeof body['message'] === 'string'
      ? body['message']
      : undefined;
  const code = typeof body['code'] === 'string' ? body['code'] : undefined;
  const errors =
    Array.isArray(body['errors']) && body['errors'].every(isFieldError)
      ? body['errors']
      : undefined;
  return { message, code, errors };
}

function isFieldError(value: unknown): value is FieldError {
  return (
    typeof value === 'object' &&
    value !== null &&
    typeof (value as FieldError).field === 'string' &&
    typeof (value as FieldError).message === 'string'
  );
}

/** A raw Fastify client error (4xx with an FST_ code), mapped to a message and code. */
function asFastifyClientError(
  exception: unknown,
): { status: number; message: string; code?: string } | undefined {
  if (!(exception instanceof Error)) return undefined;
  const { code, statusCode } = exception as Error & { code?: unknown; statusCode?: unknown };
  if (typeof code !== 'string' || !code.startsWith('FST_')) return undefined;
  if (typeof statusCode !== 'number' || statusCode < 400 || statusCode >= 500) return undefined;
  if (MALFORMED_JSON_CODES.has(code)) {
    return {
      status: 400,
      message: "Body is not valid JSON but content-type is set to 'application/json'",
    };
  }
  return { status: statusCode, message: exception.message };
}

/** Drops undefined members so the JSON has no `"detail": null` noise. */
function clean(problem: {
  [K in keyof ProblemDetails]: ProblemDetails[K] | undefined;
}): ProblemDetails {
  return Object.fromEntries(
    Object.entries(problem).filter(([, v]) => v !== undefined),
  ) as unknown as ProblemDetails;
}
