import { EventEmitter } from 'node:events';

/** Wakes the relay as soon as a write with pending events lands in this process. */
export const outboxSignal = new EventEmitter();
outboxSignal.setMaxListeners(50);

export const OUTBOX_WRITTEN = 'written';

export const signalOutboxWrite = (): void => {
  outboxSignal.emit(OUTBOX_WRITTEN);
};
