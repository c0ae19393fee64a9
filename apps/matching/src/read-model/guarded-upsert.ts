import type { Model, UpdateQuery } from 'mongoose';

export type UpsertOutcome = 'applied' | 'stale';

export const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

/**
 * Applies `update` to the document `key` only where `guard` holds, creating it when absent.
 * When the document exists but the guard fails (it holds a newer snapshot, or it was erased),
 * the upsert tries to insert the same `_id` and the unique `_id` refuses it: that is the
 * "stale" answer, and nothing changed. One single-document write either way.
 */
export const guardedUpsert = async <T>(
  model: Model<T>,
  key: { _id: string; tenantId: string },
  guard: Record<string, unknown>,
  update: UpdateQuery<T>,
): Promise<UpsertOutcome> => {
  try {
    await model.updateOne({ ...key, ...guard }, update, { upsert: true }).exec();
    return 'applied';
  } catch (error) {
    if (isDuplicateKey(error)) return 'stale';
    throw error;
  }
};

/** Newer than what is held: a plain `version` below the incoming one. */
export const olderThan = (field: string, version: number): Record<string, unknown> => ({
  $or: [{ [field]: { $exists: false } }, { [field]: { $lt: version } }],
});

export const factId = (tenantId: string, id: string): string => `${tenantId}:${id}`;
