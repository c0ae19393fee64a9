import { AsyncLocalStorage } from 'node:async_hooks';

interface RequestContextStore {
  readonly correlationId: string;
  /** True inside an HTTP request, whose pino request logger already binds the id. */
  readonly http: boolean;
}

const storage = new AsyncLocalStorage<RequestContextStore>();

/**
 * The correlation id of the work in progress, carried across awaits. HTTP requests get it
 * from the platform's middleware; non-HTTP entry points (a Kafka consumer handling a
 * message) set it with `runWithCorrelationId`; event producers read it.
 */
export const RequestContext = {
  getCorrelationId(): string | undefined {
    return storage.getStore()?.correlationId;
  },

  runWithCorrelationId<T>(correlationId: string, fn: () => T): T {
    return storage.run({ correlationId, http: false }, fn);
  },
} as const;

export const getCorrelationId = (): string | undefined => RequestContext.getCorrelationId();

export const runWithCorrelationId = <T>(correlationId: string, fn: () => T): T =>
  RequestContext.runWithCorrelationId(correlationId, fn);

/** @internal Used by the HTTP middleware. */
export function runHttpRequestWithCorrelationId<T>(correlationId: string, fn: () => T): T {
  return storage.run({ correlationId, http: true }, fn);
}

/** @internal Used by the log mixin. */
export function isBoundToHttpLogger(): boolean {
  return storage.getStore()?.http === true;
}
