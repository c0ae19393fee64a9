import { EventEmitter } from 'node:events';

/** Wakes the relay as soon as a write with pending events lands in this process. */
export const outboxSignal = new EventEmitter();
outboxSignal.setMaxListeners(50);

export const OUTBOX_WRITTEN = 'written';
/** A bulk insert (an import's batch) landed in a collection; the argument is its name. */
export const OUTBOX_BULK_WRITTEN = 'bulk-written';

/** Inserts of at least this many documents at once count as bulk writes. */
export const OUTBOX_BULK_MIN_DOCUMENTS = 100;

export const signalOutboxWrite = (): void => {
  outboxSignal.emit(OUTBOX_WRITTEN);
};

export const signalOutboxBulkWrite = (collection: string, documents: number): void => {
  if (documents >= OUTBOX_BULK_MIN_DOCUMENTS) outboxSignal.emit(OUTBOX_BULK_WRITTEN, collection);
};
