import type { Schema } from 'mongoose';
import { OUTBOX_FIELDS } from './outbox-entry';
import { signalOutboxBulkWrite, signalOutboxWrite } from './outbox-signal';

/**
 * Mongoose plugin for aggregate schemas that publish events: declares the outbox fields
 * (mongoose would strip undeclared ones) and the index the relay's scan uses.
 */
export const outboxPlugin = (schema: Schema): void => {
  schema.add({
    [OUTBOX_FIELDS.entries]: { type: [Object], default: undefined, select: false },
    [OUTBOX_FIELDS.pending]: { type: Boolean, default: undefined },
    [OUTBOX_FIELDS.lockedBy]: { type: String, default: undefined },
    [OUTBOX_FIELDS.lockedUntil]: { type: Date, default: undefined },
  });
  // Serves the relay's scan for documents with unpublished events.
  schema.index({ [OUTBOX_FIELDS.pending]: 1 });
  schema.post('save', signalOutboxWrite);
  schema.post(['updateOne', 'findOneAndUpdate', 'updateMany'], signalOutboxWrite);
  schema.post(
    'insertMany',
    function (this: { collection?: { collectionName?: string } }, docs: unknown) {
      // Lets the relay hold this collection's events back while an import writes it.
      const name = this.collection?.collectionName;
      if (name !== undefined && Array.isArray(docs)) signalOutboxBulkWrite(name, docs.length);
      signalOutboxWrite();
    },
  );
};

/** True for schemas that use the plugin: the relay scans their collections. */
export const hasOutbox = (schema: Schema): boolean =>
  schema.path(OUTBOX_FIELDS.entries) !== undefined;
