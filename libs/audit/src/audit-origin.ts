import { AsyncLocalStorage } from 'node:async_hooks';
import {
  Injectable,
  type CallHandler,
  type ExecutionContext,
  type NestInterceptor,
} from '@nestjs/common';
import { Observable } from 'rxjs';
import type { AuditOrigin } from './audit-entry';

const storage = new AsyncLocalStorage<AuditOrigin>();

/** The origin of the request being handled, if any. */
export const currentAuditOrigin = (): AuditOrigin => storage.getStore() ?? {};

/** Runs `fn` with an explicit origin (tests, or work started by something other than HTTP). */
export const runWithAuditOrigin = <T>(origin: AuditOrigin, fn: () => T): T =>
  storage.run(origin, fn);

interface RequestLike {
  readonly ip?: string;
  readonly headers?: Record<string, string | string[] | undefined>;
}

const MAX_USER_AGENT = 256;

/** The client address (after trusted proxies) and user agent of a Fastify request. */
export function auditOriginOfRequest(request: RequestLike): Omit<AuditOrigin, 'correlationId'> {
  const agent = request.headers?.['user-agent'];
  const userAgent = typeof agent === 'string' ? agent.slice(0, MAX_USER_AGENT) : undefined;
  return {
    ...(request.ip !== undefined && { ip: request.ip }),
    ...(userAgent !== undefined && { userAgent }),
  };
}

/**
 * Keeps each HTTP request's client address and user agent for the audit log, so a service
 * records an action with one call and no request object in hand.
 */
@Injectable()
export class AuditOriginInterceptor implements NestInterceptor {
  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    if (context.getType() !== 'http') return next.handle();
    const origin = auditOriginOfRequest(context.switchToHttp().getRequest<RequestLike>());
    return new Observable((subscriber) =>
      storage.run(origin, () => next.handle().subscribe(subscriber)),
    );
  }
}
