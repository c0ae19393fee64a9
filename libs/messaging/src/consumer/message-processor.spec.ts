import { createEvent, ContractViolationError, type EventEnvelope } from '@medmentor/contracts';
import type { DeadLetterSink, FailedMessage } from './dead-letter';
import { MessageProcessor, ProcessingAbortedError, type ProcessorDeps } from './message-processor';
import type { ProcessedEvents } from './processed-events';

const TOPIC = 'medmentor.diagnostics.ping.v1';

const pingMessage = (pingId = 'p-1', offset = '0'): FailedMessage => {
  const event = createEvent(
    'medmentor.diagnostics.ping.sent',
    { pingId, message: 'hi', sentAt: '2026-11-22T00:00:00.000Z' },
    { tenantId: 't-1', source: 'profiles' },
  );
  return {
    topic: TOPIC,
    partition: 0,
    offset,
    key: Buffer.from(pingId),
    value: Buffer.from(JSON.stringify(event.envelope)),
    headers: {},
  };
};

class MemoryProcessed implements ProcessedEvents {
  readonly records = new Map<string, string>();
  failHas = 0;
  async has(group: string, id: string) {
    if (this.failHas > 0) {
      this.failHas -= 1;
      throw Object.assign(new Error('db down'), { name: 'MongoServerSelectionError' });
    }
    return this.records.has(`${group}:${id}`);
  }
  async processedAmong(group: string, ids: readonly string[]) {
    this.lookups += 1;
    return new Set(ids.filter((id) => this.records.has(`${group}:${id}`)));
  }
  lookups = 0;
  async record(r: { group: string; eventId: string }) {
    this.records.set(`${r.group}:${r.eventId}`, 'applied');
  }
}

class MemoryDeadLetters implements DeadLetterSink {
  readonly letters: { message: FailedMessage; reason: string }[] = [];
  async send(message: FailedMessage, reason: string) {
    this.letters.push({ message, reason });
  }
}

const setup = (dispatch: ProcessorDeps['dispatch'], overrides: Partial<ProcessorDeps> = {}) => {
  const processed = new MemoryProcessed();
  const deadLetters = new MemoryDeadLetters();
  const sleeps: number[] = [];
  const processor = new MessageProcessor({
    group: 'g',
    processed,
    deadLetters,
    handles: () => true,
    dispatch,
    maxAttempts: 3,
    backoff: { initialMs: 10, maxMs: 100, jitter: 0 },
    sleep: async (ms) => {
      sleeps.push(ms);
    },
    isStopping: () => false,
    ...overrides,
  });
  return { processor, processed, deadLetters, sleeps };
};

const heartbeat = async () => undefined;

describe('MessageProcessor', () => {
  it('applies a valid event once and records it', async () => {
    const seen: EventEnvelope[] = [];
    const { processor, processed } = setup(async (_type, envelope) => {
      seen.push(envelope);
    });
    expect(await processor.process(pingMessage(), heartbeat)).toBe('applied');
    expect(seen).toHaveLength(1);
    expect(seen[0].data).toMatchObject({ pingId: 'p-1' });
    expect([...processed.records.values()]).toEqual(['applied']);
  });

  it('does not run the handler again for a redelivered event', async () => {
    const dispatch = jest.fn(async () => undefined);
    const { processor } = setup(dispatch);
    const message = pingMessage();
    await processor.process(message, heartbeat);
    expect(await processor.process({ ...message, offset: '7' }, heartbeat)).toBe('duplicate');
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('looks up a batch in one query and treats a second copy in the batch as a duplicate', async () => {
    const dispatch = jest.fn(async () => undefined);
    const { processor, processed } = setup(dispatch);
    const old = pingMessage('p-old', '1');
    await processor.process(old, heartbeat);
    const fresh = pingMessage('p-new', '2');
    const batch = [
      { ...old, offset: '3' },
      fresh,
      { ...fresh, offset: '4' },
      { ...old, value: Buffer.from('x') },
    ];
    const known = await processor.processedAmong(batch, heartbeat);
    expect(processed.lookups).toBe(1);
    const results = [];
    for (const message of batch.slice(0, 3))
      results.push(await processor.process(message, heartbeat, known));
    expect(results).toEqual(['duplicate', 'applied', 'duplicate']);
    expect(dispatch).toHaveBeenCalledTimes(2);
  });

  it('does not count a dead-lettered event as processed in the batch', async () => {
    const dispatch = jest.fn(async () => {
      throw new ContractViolationError('program unknown');
    });
    const { processor, deadLetters } = setup(dispatch);
    const message = pingMessage('p-bad');
    const known = await processor.processedAmong([message], heartbeat);
    expect(await processor.process(message, heartbeat, known)).toBe('dead-lettered');
    expect(known.size).toBe(0);
    expect(deadLetters.letters).toHaveLength(1);
  });

  it('dead-letters undecodable bytes with the reason and goes on', async () => {
    const dispatch = jest.fn(async () => undefined);
    const { processor, deadLetters } = setup(dispatch);
    const bad = { ...pingMessage(), value: Buffer.from('not json') };
    expect(await processor.process(bad, heartbeat)).toBe('dead-lettered');
    expect(deadLetters.letters[0].reason).toMatch(/not JSON/);
    expect(await processor.process(pingMessage('p-2'), heartbeat)).toBe('applied');
    expect(dispatch).toHaveBeenCalledTimes(1);
  });

  it('dead-letters at once when the handler reports an invalid event', async () => {
    const dispatch = jest.fn(async () => {
      throw new ContractViolationError('program unknown');
    });
    const { processor, deadLetters, processed } = setup(dispatch);
    expect(await processor.process(pingMessage(), heartbeat)).toBe('dead-lettered');
    expect(dispatch).toHaveBeenCalledTimes(1);
    expect(deadLetters.letters[0].reason).toMatch(/program unknown/);
    // Left unrecorded so that a replay from the dead-letter topic is applied.
    expect(processed.records.size).toBe(0);
  });

  it('retries an unexpected failure a bounded number of times, then dead-letters', async () => {
    const dispatch = jest.fn(async () => {
      throw new Error('bug');
    });
    const { processor, deadLetters, sleeps } = setup(dispatch);
    expect(await processor.process(pingMessage(), heartbeat)).toBe('dead-lettered');
    expect(dispatch).toHaveBeenCalledTimes(3);
    expect(sleeps).toEqual([10, 20]);
    expect(deadLetters.letters[0].reason).toBe('failed after 3 attempts: bug');
  });

  it('retries transient failures beyond the attempt limit until they pass', async () => {
    let calls = 0;
    const { processor, deadLetters } = setup(async () => {
      calls += 1;
      if (calls <= 5)
        throw Object.assign(new Error('no primary'), { name: 'MongoServerSelectionError' });
    });
    expect(await processor.process(pingMessage(), heartbeat)).toBe('applied');
    expect(calls).toBe(6);
    expect(deadLetters.letters).toHaveLength(0);
  });

  it('retries the de-duplication lookup while the database is down', async () => {
    const { processor, processed } = setup(async () => undefined);
    processed.failHas = 2;
    expect(await processor.process(pingMessage(), heartbeat)).toBe('applied');
  });

  it('gives up a transient retry when shutting down, without recording the event', async () => {
    let stopping = false;
    const { processor, processed } = setup(
      async () => {
        stopping = true;
        throw Object.assign(new Error('refused'), { code: 'ECONNREFUSED' });
      },
      { isStopping: () => stopping },
    );
    await expect(processor.process(pingMessage(), heartbeat)).rejects.toBeInstanceOf(
      ProcessingAbortedError,
    );
    expect(processed.records.size).toBe(0);
  });

  it('skips event types this service does not handle', async () => {
    const dispatch = jest.fn(async () => undefined);
    const { processor, processed } = setup(dispatch, { handles: () => false });
    expect(await processor.process(pingMessage(), heartbeat)).toBe('skipped');
    expect(dispatch).not.toHaveBeenCalled();
    expect(processed.records.size).toBe(0);
  });
});
