import { Catch, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { throwError, type Observable } from 'rxjs';
import { CORRELATION_ID_HEADER, correlationIdOf } from '../logging/correlation-id';
import { PROBLEM_CONTENT_TYPE } from './problem-details';
import { toProblemDetails } from './problem-details.mapper';

/**
 * Every HTTP error leaves as RFC 9457 problem+json. Other transports (a Kafka consumer in
 * the hybrid app inherits global filters) get the exception back untouched, for their own
 * filter or retry policy to handle.
 */
@Catch()
export class ProblemDetailsFilter implements ExceptionFilter {
  private readonly logger = new Logger(ProblemDetailsFilter.name);

  catch(exception: unknown, host: ArgumentsHost): void | Observable<never> {
    if (host.getType() !== 'http') {
      return throwError(() => exception);
    }
    const http = host.switchToHttp();
    const request = http.getRequest<FastifyRequest>();
    const reply = http.getResponse<FastifyReply>();
    const correlationId = correlationIdOf(request.raw);
    const { problem, log } = toProblemDetails(exception, {
      instance: request.url.split('?')[0],
      correlationId,
    });

    if (log === 'error') {
      // pino-http's "request errored" line (one per request, with the request, status and
      // correlation id) then logs this error with its stack instead of a generic one.
      (reply.raw as { err?: unknown }).err = exception;
    }
    if (reply.sent || reply.raw.headersSent) {
      this.logger.error({ err: exception }, 'Error after the response was sent');
      return;
    }
    void reply
      .status(problem.status)
      .header(CORRELATION_ID_HEADER, correlationId)
      .header('content-type', PROBLEM_CONTENT_TYPE)
      .send(problem);
  }
}
