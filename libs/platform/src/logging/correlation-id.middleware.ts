import { Injectable, type NestMiddleware } from '@nestjs/common';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CORRELATION_ID_HEADER, correlationIdOf } from './correlation-id';
import { runHttpRequestWithCorrelationId } from './request-context';

/** Echoes the correlation id and runs the rest of the request inside its context. */
@Injectable()
export class CorrelationIdMiddleware implements NestMiddleware<IncomingMessage, ServerResponse> {
  use(req: IncomingMessage, res: ServerResponse, next: (error?: unknown) => void): void {
    const correlationId = correlationIdOf(req);
    res.setHeader(CORRELATION_ID_HEADER, correlationId);
    runHttpRequestWithCorrelationId(correlationId, next);
  }
}
