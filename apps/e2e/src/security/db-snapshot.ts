import { MongoClient } from 'mongodb';
import { mongoUri, SERVICES, waitFor, type ServiceName } from '@medmentor/testing';
import type { Stack } from '../stack';

/** Relay bookkeeping that changes on its own while nothing else does. */
const VOLATILE = /^_outbox/;

/**
 * Fields that a service's own timers change with no request at all (the delivery worker
 * retrying a webhook to an unreachable host). A new or otherwise changed document still shows.
 */
const WORKER_FIELDS: Readonly<Record<string, readonly string[]>> = {
  'notifications.deliveries': [
    'status',
    'reason',
    'dueAt',
    'attempts',
    'lastError',
    'lockedBy',
    'lockedUntil',
    'sentAt',
    'finishedAt',
  ],
};

const withoutWorkerFields = (
  collection: string,
  doc: Record<string, unknown>,
): Record<string, unknown> => {
  const fields = WORKER_FIELDS[collection];
  if (fields === undefined) return doc;
  return Object.fromEntries(Object.entries(doc).filter(([key]) => !fields.includes(key)));
};

const stable = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(stable);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object' && !(value.constructor?.name === 'ObjectId')) {
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>)
        .filter(([key]) => !VOLATILE.test(key))
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([key, inner]) => [key, stable(inner)]),
    );
  }
  return value;
};

/**
 * Every document of the four services' databases (or only those of one tenant), outbox
 * bookkeeping left out, as one comparable string per collection.
 */
export async function snapshotDatabases(
  stack: Stack,
  tenantId?: string,
): Promise<Record<string, string>> {
  const client = await MongoClient.connect(mongoUri());
  try {
    const snapshot: Record<string, string> = {};
    for (const service of Object.keys(SERVICES) as ServiceName[]) {
      const db = client.db(stack.databaseOf(service));
      for (const { name } of await db.listCollections({}, { nameOnly: true }).toArray()) {
        const filter =
          tenantId === undefined ? {} : { $or: [{ tenantId }, { _id: tenantId as never }] };
        const docs = await db.collection(name).find(filter).sort({ _id: 1 }).toArray();
        const key = `${service}.${name}`;
        if (docs.length > 0)
          snapshot[key] = JSON.stringify(docs.map((doc) => stable(withoutWorkerFields(key, doc))));
      }
    }
    return snapshot;
  } finally {
    await client.close();
  }
}

/** Waits until two snapshots a second apart agree (events in flight have been applied). */
export async function settledSnapshot(
  stack: Stack,
  tenantId?: string,
): Promise<Record<string, string>> {
  let previous = await snapshotDatabases(stack, tenantId);
  return waitFor(
    async () => {
      await new Promise((resolve) => setTimeout(resolve, 1000));
      const next = await snapshotDatabases(stack, tenantId);
      const same = JSON.stringify(next) === JSON.stringify(previous);
      previous = next;
      return same ? next : undefined;
    },
    { timeoutMs: 60_000, intervalMs: 10, description: 'the databases to settle' },
  );
}

/** Collections whose content differs between two snapshots. */
export const changedCollections = (
  before: Record<string, string>,
  after: Record<string, string>,
): string[] =>
  [...new Set([...Object.keys(before), ...Object.keys(after)])]
    .filter((key) => before[key] !== after[key])
    .sort();
