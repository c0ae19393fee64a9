import type { InboxMessage } from '../inbox/schemas/inbox-message.schema';
import type { DeliveryLookups } from './delivery-lookups.service';
import type { DeliveryOutcomes } from './delivery.repository';

/** Outcomes written together: inbox messages first, then the outcomes with their events. */
export interface OutcomeChunk {
  readonly outcomes: DeliveryOutcomes;
  readonly inbox: InboxMessage[];
  /** Per inbox message id: the display names it shows, by physician id. */
  readonly inboxNames: Map<string, Record<string, string>>;
}

/** A promise and the function that resolves it. */
const ended = () => {
  let resolve!: () => void;
  const promise = new Promise<void>((done) => (resolve = done));
  return { promise, resolve };
};

const emptyChunk = (): OutcomeChunk => ({
  outcomes: { finished: [], rescheduled: [] },
  inbox: [],
  inboxNames: new Map(),
});

const isEmpty = (chunk: OutcomeChunk): boolean =>
  chunk.inbox.length === 0 &&
  chunk.outcomes.finished.length === 0 &&
  chunk.outcomes.rescheduled.length === 0;

/**
 * One dispatcher pass: the lease token of its deliveries, what rendering them reads (once),
 * and the writes of their outcomes. Outcomes are written while the pass still sends, not at
 * its end: the first one starts a write at once, and whatever comes while a write runs goes
 * in the next one (a group commit, one write at a time). The sender waits for the write of a
 * delivery's outcome before it takes its next delivery, so a mail the SMTP server accepted
 * but whose outcome is not stored yet is one of at most DISPATCH_CONCURRENCY (one per lane):
 * a crash sends again only those, not the whole batch.
 */
export class DispatchBatch {
  private pending = emptyChunk();
  /** Settles when the write of the pending chunk has ended, whether it failed or not. */
  private pendingWritten = ended();
  private writing: Promise<void> | undefined;
  private failure: { error: unknown } | undefined;

  constructor(
    readonly token: string,
    readonly lookups: DeliveryLookups | undefined,
    private readonly write: (chunk: OutcomeChunk) => Promise<void>,
  ) {}

  /** Whether a write failed: later deliveries of the pass are left for the lease to expire. */
  get broken(): boolean {
    return this.failure !== undefined;
  }

  /** Resolves once the write that took the outcome has ended (failed or not: see `broken`). */
  finished(outcome: DeliveryOutcomes['finished'][number]): Promise<void> {
    this.pending.outcomes.finished.push(outcome);
    return this.flush();
  }

  /** Resolves once the write that took the outcome has ended (failed or not: see `broken`). */
  rescheduled(outcome: DeliveryOutcomes['rescheduled'][number]): Promise<void> {
    this.pending.outcomes.rescheduled.push(outcome);
    return this.flush();
  }

  /** An inbox message, written before (or with) the outcome that follows it. */
  inboxMessage(message: InboxMessage, names: Record<string, string>): void {
    this.pending.inbox.push(message);
    this.pending.inboxNames.set(message._id, names);
  }

  /** Waits until every outcome is written; rejects with the first failed write's error. */
  async settle(): Promise<void> {
    void this.flush();
    while (this.writing) await this.writing;
    if (this.failure) throw this.failure.error;
  }

  private flush(): Promise<void> {
    const written = this.pendingWritten.promise;
    if (this.writing || isEmpty(this.pending)) return written;
    this.writing = this.drain().finally(() => {
      this.writing = undefined;
      // What came between the last write and this callback.
      void this.flush();
    });
    return written;
  }

  private async drain(): Promise<void> {
    while (!isEmpty(this.pending)) {
      const chunk = this.pending;
      const written = this.pendingWritten;
      this.pending = emptyChunk();
      this.pendingWritten = ended();
      try {
        await this.write(chunk);
      } catch (error) {
        this.failure ??= { error };
      }
      written.resolve();
    }
  }
}
