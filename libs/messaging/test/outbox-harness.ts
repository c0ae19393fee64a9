// Shared by the integration suite and the child process it kills: a real MongoDB-wire
// database holding ping aggregates with their outbox, and the lib's own Kafka plumbing.
import { MongoClient, type Collection, type Db } from 'mongodb';
import { createEvent } from '@medmentor/contracts';
import { outboxFields } from '../src/outbox/outbox-entry';

export interface PingDoc {
  _id: string;
  tenantId: string;
  n: number;
}

export const connectDb = async (uri: string, dbName: string): Promise<{ client: MongoClient; db: Db }> => {
  const client = await MongoClient.connect(uri, { serverSelectionTimeoutMS: 5000 });
  return { client, db: client.db(dbName) };
};

export const pingCollection = (db: Db): Collection<PingDoc> => db.collection<PingDoc>('pings');

/** Inserts one ping aggregate together with its event, in one write. */
export const writePing = async (pings: Collection<PingDoc>, tenantId: string, n: number): Promise<string> => {
  const pingId = `${tenantId}-${n}`;
  const event = createEvent(
    'medmentor.diagnostics.ping.sent',
    { pingId, message: `ping ${n}`, sentAt: new Date().toISOString() },
    { tenantId, source: 'profiles' },
  );
  await pings.insertOne({ _id: pingId, tenantId, n, ...outboxFields([event]) });
  return pingId;
};
