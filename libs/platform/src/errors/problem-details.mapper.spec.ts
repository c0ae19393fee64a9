import {
  BadRequestException,
  ConflictException,
  HttpException,
  InternalServerErrorException,
  NotFoundException,
  PayloadTooLargeException,
  ServiceUnavailableException,
  UnauthorizedException,
  UnsupportedMediaTypeException,
} from '@nestjs/common';
import { z } from 'zod';
import { DomainError, RequestValidationError } from './domain-error';
import { toProblemDetails } from './problem-details.mapper';

const context = { instance: '/api/v1/things', correlationId: 'c-1' };

class SlotTakenError extends DomainError {
  constructor() {
    super({
      code: 'slot-taken',
      status: 409,
      title: 'Slot already booked',
      detail: 'Another session starts at 10:00',
      errors: [{ field: 'startsAt', message: 'is taken' }],
    });
  }
}

describe('toProblemDetails', () => {
  it('maps a DomainError to its code, status and type URI', () => {
    expect(toProblemDetails(new SlotTakenError(), context)).toEqual({
      log: 'none',
      problem: {
        type: 'https://medmentor.dev/problems/slot-taken',
        title: 'Slot already booked',
        status: 409,
        detail: 'Another session starts at 10:00',
        instance: '/api/v1/things',
        code: 'slot-taken',
        correlationId: 'c-1',
        errors: [{ field: 'startsAt', message: 'is taken' }],
      },
    });
  });

  it('logs a DomainError with a 5xx status', () => {
    const error = new DomainError({
      code: 'matching-unavailable',
      status: 503,
      title: 'Matching unavailable',
    });
    expect(toProblemDetails(error).log).toBe('error');
    expect(error.message).toBe('Matching unavailable');
    expect(error.name).toBe('DomainError');
  });

  it('maps RequestValidationError to 400 validation-failed', () => {
    const { problem } = toProblemDetails(
      new RequestValidationError([{ field: 'a', message: 'bad' }]),
    );
    expect(problem).toMatchObject({
      status: 400,
      code: 'validation-failed',
      detail: 'The request has 1 invalid field.',
    });
  });

  it('maps a ZodError to 400 with field paths', () => {
    const schema = z.object({
      a: z.object({ b: z.array(z.object({ c: z.string() })) }),
      d: z.number(),
    });
    const result = schema.safeParse({ a: { b: [{ c: 1 }] }, d: 'x' });
    const { problem, log } = toProblemDetails(result.error, context);
    expect(log).toBe('none');
    expect(problem).toMatchObject({
      type: 'https://medmentor.dev/problems/validation-failed',
      status: 400,
      code: 'validation-failed',
      detail: 'The request has 2 invalid fields.',
    });
    expect(problem.errors?.map((e) => e.field)).toEqual(['a.b[0].c', 'd']);
  });

  it.each([
    [new NotFoundException('Cannot GET /x'), 404, 'not-found', 'Not Found', 'Cannot GET /x'],
    [new ConflictException(), 409, 'conflict', 'Conflict', 'Conflict'],
    [
      new UnauthorizedException('token expired'),
      401,
      'unauthorized',
      'Unauthorized',
      'token expired',
    ],
    [
      new PayloadTooLargeException('Request body is too large'),
      413,
      'payload-too-large',
      'Payload Too Large',
      'Request body is too large',
    ],
    [
      new UnsupportedMediaTypeException('Unsupported Media Type'),
      415,
      'unsupported-media-type',
      'Unsupported Media Type',
      'Unsupported Media Type',
    ],
    [new HttpException('teapot', 418), 418, 'http-418', "I'm a Teapot", 'teapot'],
  ])('maps %p to an about:blank problem', (exception, status, code, title, detail) => {
    expect(toProblemDetails(exception, context)).toEqual({
      log: 'none',
      problem: {
        type: 'about:blank',
        title,
        status,
        detail,
        code,
        instance: '/api/v1/things',
        correlationId: 'c-1',
      },
    });
  });

  it('joins class-validator style message arrays and honours an explicit code', () => {
    const exception = new BadRequestException({
      message: ['a is bad', 'b is bad'],
      code: 'token_expired',
    });
    expect(toProblemDetails(exception).problem).toMatchObject({
      detail: 'a is bad; b is bad',
      code: 'token_expired',
    });
  });

  it("maps Fastify's malformed JSON errors to 400 malformed-body", () => {
    const fromNest = new HttpException(
      "Body is not valid JSON but content-type is set to 'application/json'",
      400,
    );
    const raw = Object.assign(
      new Error("Body cannot be empty when content-type is set to 'application/json'"),
      {
        name: 'FastifyError',
        code: 'FST_ERR_CTP_EMPTY_JSON_BODY',
        statusCode: 400,
      },
    );
    for (const exception of [fromNest, raw]) {
      expect(toProblemDetails(exception).problem).toMatchObject({
        type: 'https://medmentor.dev/problems/malformed-body',
        status: 400,
        code: 'malformed-body',
        detail: 'The request body is not valid JSON.',
      });
    }
  });

  it('maps raw Fastify client errors by their status', () => {
    const tooLarge = Object.assign(new Error('Request body is too large'), {
      code: 'FST_ERR_CTP_BODY_TOO_LARGE',
      statusCode: 413,
    });
    const media = Object.assign(new Error('Unsupported Media Type'), {
      code: 'FST_ERR_CTP_INVALID_MEDIA_TYPE',
      statusCode: 415,
    });
    expect(toProblemDetails(tooLarge).problem).toMatchObject({
      status: 413,
      code: 'payload-too-large',
    });
    expect(toProblemDetails(media).problem).toMatchObject({
      status: 415,
      code: 'unsupported-media-type',
    });
  });

  it('hides anything else behind a generic 500 and asks for a log', () => {
    for (const exception of [
      new Error('password=hunter2'),
      'a string',
      undefined,
      { statusCode: 400 },
    ]) {
      const { problem, log } = toProblemDetails(exception, context);
      expect(log).toBe('error');
      expect(problem).toEqual({
        type: 'https://medmentor.dev/problems/internal-error',
        title: 'Internal Server Error',
        status: 500,
        detail: 'An unexpected error occurred. Quote the correlation id when reporting it.',
        instance: '/api/v1/things',
        code: 'internal-error',
        correlationId: 'c-1',
      });
    }
  });

  it('does not repeat the message of a bare 500 HttpException, but keeps a deliberate 503', () => {
    const internal = toProblemDetails(new InternalServerErrorException('db password wrong'));
    expect(internal.problem.detail).not.toContain('password');
    expect(internal.log).toBe('error');
    const unavailable = toProblemDetails(new ServiceUnavailableException('index rebuilding'));
    expect(unavailable.problem).toMatchObject({
      status: 503,
      code: 'service-unavailable',
      detail: 'index rebuilding',
    });
  });
});
