import { LogCapture } from '../testing/log-capture';
import { CORRELATION_ID_HEADER, correlationIdFrom, correlationIdOf } from './correlation-id';
import { createStandaloneLogger } from './logger-options.factory';
import { getCorrelationId, runWithCorrelationId } from './request-context';
import type { IncomingMessage } from 'node:http';

describe('RequestContext', () => {
  it('has no correlation id outside a context', () => {
    expect(getCorrelationId()).toBeUndefined();
  });

  it('carries the id across awaits and timers, and nests', async () => {
    await runWithCorrelationId('outer', async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      expect(getCorrelationId()).toBe('outer');
      runWithCorrelationId('inner', () => expect(getCorrelationId()).toBe('inner'));
      expect(getCorrelationId()).toBe('outer');
    });
    expect(getCorrelationId()).toBeUndefined();
  });

  it('returns what the function returns', () => {
    expect(runWithCorrelationId('x', () => 42)).toBe(42);
  });

  it('puts the id and the service name on log lines of non-HTTP work', () => {
    const logs = new LogCapture();
    const logger = createStandaloneLogger('matching', 'info', logs);
    runWithCorrelationId('kafka-msg-1', () => logger.info('handled'));
    logger.info('outside');
    expect(logs.lines[0]).toMatchObject({
      service: 'matching',
      correlationId: 'kafka-msg-1',
      msg: 'handled',
      level: 'info',
    });
    expect(logs.lines[1]).not.toHaveProperty('correlationId');
  });
});

describe('correlation ids', () => {
  it('keeps an acceptable header value', () => {
    expect(correlationIdFrom('4bf92f3577b34da6a3ce929d0e0e4736')).toBe(
      '4bf92f3577b34da6a3ce929d0e0e4736',
    );
    expect(correlationIdFrom(['a-1', 'b-2'])).toBe('a-1');
  });

  it('replaces a missing, oversized or unsafe value with a UUID', () => {
    for (const bad of [undefined, '', 'x'.repeat(129), 'a b', 'a\nb', '{"json":1}']) {
      expect(correlationIdFrom(bad)).toMatch(
        /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
      );
    }
  });

  it('decides once per request', () => {
    const req = { headers: {} } as IncomingMessage;
    const first = correlationIdOf(req);
    expect(correlationIdOf(req)).toBe(first);
    const sent = { headers: { [CORRELATION_ID_HEADER]: 'given' } } as unknown as IncomingMessage;
    expect(correlationIdOf(sent)).toBe('given');
  });
});
