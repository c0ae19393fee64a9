import { HttpException } from '@nestjs/common';
import { STATUS_CODES } from 'node:http';
import { z } from 'zod';
import { DomainError, VALIDATION_FAILED, type FieldError } from './domain-error';
import { problemTypeFor, type ProblemDetails } from './problem-details';
import { zodIssuesToFieldErrors } from './zod-issues';

export const INTERNAL_ERROR = 'internal-error';
export const MALFORMED_BODY = 'malformed-body';

/** What the filter does with an exception: the answer, and whether it is a server fault. */
export interface MappedProblem {
  readonly problem: ProblemDetails;
  /** 'error': a server fault, logged with its stack. Client errors are in the access log. */
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

// Fastify's body-parser errors usually reach the filter as HttpExceptions that Nest's router
// built from Fastify's message alone (the FST_ code is lost), sometimes raw. Both are known.
const MALFORMED_JSON_CODES = new Set([
  'FST_ERR_CTP_INVALID_JSON_BODY',
  'FST_ERR_CTP_EMPTY_JSON_BODY',
]);
const MALFORMED_JSON_MESSAGES = new Set([
  "Body is not valid JSON but content-type is set to 'application/json'",
  "Body cannot be empty when content-type is set to 'application/json'",
]);

const GENERIC_500_DETAIL =
  'An unexpected error occurred. Quote the correlation id when reporting it.';

const titleOf = (status: number): string => STATUS_CODES[status] ?? 'Error';
const codeOf = (status: number): string => CODE_BY_STATUS[status] ?? `http-${status}`;
const plural = (n: number): string => `${n} invalid field${n === 1 ? '' : 's'}`;

/** Maps any thrown value to RFC 9457 problem details. Pure: no I/O, no logging. */
export function toProblemDetails(exception: unknown, context: ProblemContext = {}): MappedProblem {
  const problem = (
    fields: Omit<ProblemDetails, 'instance' | 'correlationId'>,
    log: MappedProblem['log'],
  ) => ({
    problem: clean({ ...fields, instance: context.instance, correlationId: context.correlationId }),
    log,
  });

  if (exception instanceof DomainError) {
    return problem(
      {
        type: problemTypeFor(exception.code),
        title: exception.title,
        status: exception.status,
        detail: exception.detail,
        code: exception.code,
        errors: exception.errors,
      },
      exception.status >= 500 ? 'error' : 'none',
    );
  }

  if (exception instanceof z.core.$ZodError) {
    const errors = zodIssuesToFieldErrors(exception.issues);
    return problem(
      {
        type: problemTypeFor(VALIDATION_FAILED),
        title: 'Invalid request',
        status: 400,
        detail: `The request has ${plural(errors.length)}.`,
        code: VALIDATION_FAILED,
        errors,
      },
      'none',
    );
  }

  if (isMalformedJson(exception)) {
    return problem(
      {
        type: problemTypeFor(MALFORMED_BODY),
        title: 'Malformed request body',
        status: 400,
        detail: 'The request body is not valid JSON.',
        code: MALFORMED_BODY,
      },
      'none',
    );
  }

  const http = asHttpError(exception);
  if (http !== undefined) {
    return problem(
      {
        type: 'about:blank',
        title: titleOf(http.status),
        status: http.status,
        // A deliberate 5xx may say why (503 "index rebuilding"); a bare 500 says nothing.
        detail: http.status === 500 ? GENERIC_500_DETAIL : http.message,
        code: http.code ?? codeOf(http.status),
        errors: http.errors,
      },
      http.status >= 500 ? 'error' : 'none',
    );
  }

  return problem(
    {
      type: problemTypeFor(INTERNAL_ERROR),
      title: titleOf(500),
      status: 500,
      detail: GENERIC_500_DETAIL,
      code: INTERNAL_ERROR,
    },
    'error',
  );
}

interface HttpError {
  status: number;
  message?: string;
  code?: string;
  errors?: FieldError[];
}

function isMalformedJson(exception: unknown): boolean {
  if (exception instanceof HttpException) {
    return exception.getStatus() === 400 && MALFORMED_JSON_MESSAGES.has(exception.message);
  }
  return MALFORMED_JSON_CODES.has(fastifyCodeOf(exception) ?? '');
}

/** A Nest HttpException, or a raw Fastify client error (4xx with an FST_ code). */
function asHttpError(exception: unknown): HttpError | undefined {
  if (exception instanceof HttpException) {
    return { status: exception.getStatus(), ...readHttpResponse(exception.getResponse()) };
  }
  const statusCode = (exception as { statusCode?: unknown } | null)?.statusCode;
  if (
    fastifyCodeOf(exception) !== undefined &&
    typeof statusCode === 'number' &&
    statusCode >= 400 &&
    statusCode < 500
  ) {
    return { status: statusCode, message: (exception as Error).message };
  }
  return undefined;
}

function fastifyCodeOf(exception: unknown): string | undefined {
  if (!(exception instanceof Error)) return undefined;
  const code = (exception as Error & { code?: unknown }).code;
  return typeof code === 'string' && code.startsWith('FST_') ? code : undefined;
}

/** Reads Nest's response body shapes: a string, or `{ message, error, statusCode, code?, errors? }`. */
function readHttpResponse(response: string | object): Omit<HttpError, 'status'> {
  if (typeof response === 'string') return { message: response };
  const body = response as Record<string, unknown>;
  const raw = body['message'];
  const message = Array.isArray(raw)
    ? raw.map(String).join('; ')
    : typeof raw === 'string'
      ? raw
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

/** Drops undefined members so the JSON carries no empty fields. */
function clean(problem: {
  [K in keyof ProblemDetails]: ProblemDetails[K] | undefined;
}): ProblemDetails {
  return Object.fromEntries(
    Object.entries(problem).filter(([, value]) => value !== undefined),
  ) as unknown as ProblemDetails;
}
