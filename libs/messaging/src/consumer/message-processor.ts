import { Logger } from '@nestjs/common';
import { decodeEvent, type EventEnvelope, type EventType } from '@medmentor/contracts';
import { backoffDelay, type BackoffPolicy, defaultBackoff } from './backoff';
import { classifyError } from './classify-error';
import type { DeadLetterSink, FailedMessage } from './dead-letter';
import type { ProcessedEvents } from './processed-events';

export interface HandlerContext {
  topic: string;
  partition: number;
  offset: string;
  /** 1 for the first try. */
  attempt: number;
  /** Keeps the consumer's group membership alive during long work. */
  heartbeat(): Promise<void>;
}

export type Dispatch = (
  type: EventType,
  envelope: EventEnvelope,
  context: HandlerContext,
) => Promise<void>;

export interface ProcessorDeps {
  group: string;
  processed: ProcessedEvents;
  deadLetters: DeadLetterSink;
  /** Event types this service handles; others on its topics are skipped. */
  handles(type: EventType): boolean;
  dispatch: Dispatch;
  maxAttempts: number;
  backoff?: BackoffPolicy;
  sleep?: (ms: number) => Promise<void>;
  /** True once shutdown began: transient retries give up so the message is redelivered later. */
  isStopping(): boolean;
  observer?: ProcessorObserver;
}

export type ProcessingResult = 'applied' | 'duplicate' | 'skipped' | 'dead-lettered';

export interface ProcessorObserver {
  processed(topic: string, result: ProcessingResult, durationMs: number): void;
  retried(topic: string, errorClass: string): void;
}

/** Raised when shutdown interrupts a retry; the offset is not committed. */
export class ProcessingAbortedError extends Error {
  constructor(reason: string) {
    super(`processing aborted: ${reason}`);
    this.name = 'ProcessingAbortedError';
  }
}

const defaultSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/**
 * What happens to one message: decode and validate, de-duplicate, run the handler with
 * retries, and dead-letter what can never succeed. It only throws when shutdown interrupts
 * it, so one bad message never blocks its partition.
 */
export class MessageProcessor {
  private readonly logger = new Logger(MessageProcessor.name);

  constructor(private readonly deps: ProcessorDeps) {}

  /**
   * The ids among these messages' events that this group has already processed, read in one
   * query: the consumer asks once per batch and passes the answer to `process`.
   */
  async processedAmong(
    messages: readonly FailedMessage[],
    heartbeat: () => Promise<void>,
  ): Promise<Set<string>> {
    const ids: string[] = [];
    for (const message of messages) {
      const decoded = decodeEvent(message.topic, message.value);
      if (decoded.ok && this.deps.handles(decoded.type)) ids.push(decoded.envelope.id);
    }
    if (ids.length === 0) return new Set();
    return this.infra(() => this.deps.processed.processedAmong(this.deps.group, ids), heartbeat);
  }

  /**
   * `processed`, when given, is what `processedAmong` answered for the message's batch; the
   * events this call applies are added to it, so a second copy later in the batch is a duplicate.
   */
  async process(
    message: FailedMessage,
    heartbeat: () => Promise<void>,
    processed?: Set<string>,
  ): Promise<ProcessingResult> {
    const started = Date.now();
    const result = await this.processInner(message, heartbeat, processed);
    this.deps.observer?.processed(message.topic, result, Date.now() - started);
    return result;
  }

  private async processInner(
    message: FailedMessage,
    heartbeat: () => Promise<void>,
    known: Set<string> | undefined,
  ): Promise<ProcessingResult> {
    const { group, processed } = this.deps;
    const decoded = decodeEvent(message.topic, message.value);
    if (!decoded.ok) {
      await this.deadLetter(message, decoded.reason, heartbeat);
      return 'dead-lettered';
    }
    const { envelope, type } = decoded;
    if (!this.deps.handles(type)) return 'skipped';
    const seen = known
      ? known.has(envelope.id)
      : await this.infra(() => processed.has(group, envelope.id), heartbeat);
    if (seen) return 'duplicate';

    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.deps.dispatch(type, envelope, {
          topic: message.topic,
          partition: message.partition,
          offset: message.offset,
          attempt,
          heartbeat,
        });
        await this.record(message, envelope, type, heartbeat);
        known?.add(envelope.id);
        return 'applied';
      } catch (error) {
        const errorClass = classifyError(error);
        const reason = (error as Error)?.message ?? String(error);
        if (
          errorClass === 'invalid' ||
          (errorClass === 'failed' && attempt >= this.deps.maxAttempts)
        ) {
          const why =
            errorClass === 'invalid' ? reason : `failed after ${attempt} attempts: ${reason}`;
          this.logger.error(`event ${envelope.id} (${type}) dead-lettered: ${why}`);
          // Not recorded as processed: replaying it from the dead-letter topic after a fix
          // applies it; a redelivery before then only dead-letters it again.
          await this.deadLetter(message, why, heartbeat);
          return 'dead-lettered';
        }
        this.deps.observer?.retried(message.topic, errorClass);
        this.logger.warn(
          `event ${envelope.id} (${type}) attempt ${attempt} failed (${errorClass}): ${reason}`,
        );
        await this.wait(attempt, heartbeat, reason);
      }
    }
  }

  private async record(
    message: FailedMessage,
    envelope: EventEnvelope,
    type: string,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    await this.infra(
      () =>
        this.deps.processed.record({
          group: this.deps.group,
          eventId: envelope.id,
          type,
          topic: message.topic,
          partition: message.partition,
          offset: message.offset,
        }),
      heartbeat,
    );
  }

  private async deadLetter(
    message: FailedMessage,
    reason: string,
    heartbeat: () => Promise<void>,
  ): Promise<void> {
    await this.infra(() => this.deps.deadLetters.send(message, reason, this.deps.group), heartbeat);
  }

  /** Runs a call to the database or broker, retrying for as long as they are unavailable. */
  private async infra<T>(call: () => Promise<T>, heartbeat: () => Promise<void>): Promise<T> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        return await call();
      } catch (error) {
        if (classifyError(error) !== 'transient') throw error;
        this.logger.warn(
          `dependency unavailable (attempt ${attempt}): ${(error as Error).message}`,
        );
        await this.wait(attempt, heartbeat, (error as Error).message);
      }
    }
  }

  private async wait(
    attempt: number,
    heartbeat: () => Promise<void>,
    reason: string,
  ): Promise<void> {
    if (this.deps.isStopping()) throw new ProcessingAbortedError(reason);
    await (this.deps.sleep ?? defaultSleep)(
      backoffDelay(attempt, this.deps.backoff ?? defaultBackoff),
    );
    await heartbeat().catch(() => undefined);
    if (this.deps.isStopping()) throw new ProcessingAbortedError(reason);
  }
}
