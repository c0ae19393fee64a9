import type { OutboxEntry } from './outbox-entry';

/** One aggregate document whose pending events this relay holds a lease on. */
export interface ClaimedOutbox {
  documentId: unknown;
  token: string;
  entries: OutboxEntry[];
}

/** Where pending events live: one implementation per collection. */
export interface OutboxStore {
  readonly name: string;
  /** Leases up to `limit` documents with pending events; their entries in write order. */
  claim(limit: number, leaseMs: number): Promise<ClaimedOutbox[]>;
  /** Removes entries that were published and releases the lease. */
  acknowledge(claim: ClaimedOutbox): Promise<void>;
  /** The same for every claim of one `claim` call, in fewer writes where the store can. */
  acknowledgeAll?(claims: readonly ClaimedOutbox[]): Promise<void>;
  /** Gives a lease back without removing anything, so the entries are tried again. */
  release(claim: ClaimedOutbox): Promise<void>;
  /** Number of documents with pending events, for metrics. */
  backlog(): Promise<number>;
  /** When the oldest pending entry was written, or null when nothing is pending. */
  oldestPendingAt(): Promise<Date | null>;
}

/** Publishes entries, in the order given, and resolves once the broker acknowledged all. */
export interface EventSink {
  publish(entries: readonly OutboxEntry[]): Promise<void>;
}
