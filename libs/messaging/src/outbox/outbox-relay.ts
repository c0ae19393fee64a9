import { Logger } from '@nestjs/common';
import type { ClaimedOutbox, EventSink, OutboxStore } from './outbox-store';
import { OUTBOX_BULK_WRITTEN, OUTBOX_WRITTEN, outboxSignal } from './outbox-signal';

export interface OutboxRelayOptions {
  pollIntervalMs: number;
  batchSize?: number;
  /** How long a claim is held; after a crash another relay takes over once it expires. */
  leaseMs?: number;
  maxBackoffMs?: number;
  /**
   * While a collection receives bulk inserts (an import), its events wait until no bulk insert
   * has landed for this long, so the relay's reads and acknowledgements do not compete with the
   * writes for the database; 0 publishes at once. Default 2000.
   */
  bulkQuietMs?: number;
  /**
   * But one batch of such a collection is still published at least this often. Default 15000:
   * each batch's reads and writes cost the import measurably (a fifth of FerretDB's time at 5 s).
   */
  bulkMaxDeferMs?: number;
}

/**
 * Publishes pending events from the outbox stores to the sink, in order per aggregate,
 * and removes them once acknowledged. Delivery is at least once: a crash after publishing
 * and before acknowledging publishes the same events again.
 */
export class OutboxRelay {
  private readonly logger = new Logger(OutboxRelay.name);
  private running = false;
  private loop: Promise<void> | undefined;
  private wake: (() => void) | undefined;
  private failures = 0;
  private lastError: Error | undefined;
  private readonly onWrite = () => this.wake?.();
  /** When each collection last received a bulk insert in this process, and since when its events wait. */
  private readonly bulkWrittenAt = new Map<string, number>();
  private readonly deferredSince = new Map<string, number>();
  private readonly onBulkWrite = (collection: string) =>
    this.bulkWrittenAt.set(collection, Date.now());

  constructor(
    private readonly stores: readonly OutboxStore[],
    private readonly sink: EventSink,
    private readonly options: OutboxRelayOptions,
  ) {}

  get health(): { running: boolean; consecutiveFailures: number; lastError?: string } {
    return {
      running: this.running,
      consecutiveFailures: this.failures,
      ...(this.lastError ? { lastError: this.lastError.message } : {}),
    };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    outboxSignal.on(OUTBOX_WRITTEN, this.onWrite);
    outboxSignal.on(OUTBOX_BULK_WRITTEN, this.onBulkWrite);
    this.loop = this.run();
  }

  /** Stops polling, then makes a last attempt to publish what is pending. */
  async stop(): Promise<void> {
    if (!this.running) return;
    this.running = false;
    outboxSignal.off(OUTBOX_WRITTEN, this.onWrite);
    outboxSignal.off(OUTBOX_BULK_WRITTEN, this.onBulkWrite);
    this.wake?.();
    await this.loop;
    try {
      while ((await this.drainOnce()) > 0) {
        // keep flushing until nothing is left
      }
    } catch (error) {
      this.logger.warn(
        `outbox not fully flushed at shutdown; it is published after restart: ${String(error)}`,
      );
    }
  }

  /** Publishes one batch from every store; returns how many events were published. */
  async drainOnce(): Promise<number> {
    return this.drain(false);
  }

  private async drain(deferBulk: boolean): Promise<number> {
    let published = 0;
    for (const store of this.stores) {
      if (deferBulk && this.deferred(store.name)) continue;
      published += await this.drainStore(store);
    }
    return published;
  }

  /**
   * True while the collection receives bulk inserts, except once every `bulkMaxDeferMs`. Its
   * events are only delayed: they stay in their documents and are published after the writes.
   */
  private deferred(collection: string): boolean {
    const now = Date.now();
    const writtenAt = this.bulkWrittenAt.get(collection);
    if (writtenAt === undefined || now - writtenAt >= (this.options.bulkQuietMs ?? 2000)) {
      this.bulkWrittenAt.delete(collection);
      this.deferredSince.delete(collection);
      return false;
    }
    const since = this.deferredSince.get(collection);
    if (since !== undefined && now - since < (this.options.bulkMaxDeferMs ?? 15_000)) return true;
    this.deferredSince.set(collection, now);
    return since === undefined;
  }

  private async drainStore(store: OutboxStore): Promise<number> {
    const claims = await store.claim(this.options.batchSize ?? 200, this.options.leaseMs ?? 10_000);
    if (claims.length === 0) return 0;
    const withEntries = claims.filter((claim) => claim.entries.length > 0);
    try {
      await this.sink.publish(withEntries.flatMap((claim) => claim.entries));
    } catch (error) {
      await Promise.allSettled(claims.map((claim) => store.release(claim)));
      throw error;
    }
    if (store.acknowledgeAll) await store.acknowledgeAll(claims);
    else await Promise.all(claims.map((claim: ClaimedOutbox) => store.acknowledge(claim)));
    return withEntries.reduce((sum, claim) => sum + claim.entries.length, 0);
  }

  private async run(): Promise<void> {
    while (this.running) {
      let published = 0;
      try {
        published = await this.drain(true);
        this.failures = 0;
        this.lastError = undefined;
      } catch (error) {
        this.failures += 1;
        this.lastError = error as Error;
        this.logger.warn(
          `outbox publish failed (attempt ${this.failures}): ${(error as Error).message}`,
        );
      }
      if (published === 0 && this.running) {
        await this.pause(this.delay());
      }
    }
  }

  private delay(): number {
    if (this.failures === 0) return this.options.pollIntervalMs;
    const max = this.options.maxBackoffMs ?? 5000;
    return Math.min(max, this.options.pollIntervalMs * 2 ** Math.min(this.failures, 8));
  }

  private pause(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = setTimeout(done, ms);
      function done() {
        clearTimeout(timer);
        resolve();
      }
      // A write wakes the relay early, unless it is backing off after a failure.
      this.wake = this.failures === 0 ? done : undefined;
      if (!this.running) done();
    });
  }
}
