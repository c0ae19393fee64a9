import type { MongoClient, Collection, Document } from 'mongodb';
import { mongoUri, uniqueName } from '@medmentor/testing';
import { MongoOutboxStore } from '../src/outbox/mongo-outbox-store';
import type { OutboxEntry } from '../src/outbox/outbox-entry';
import { connectDb } from './outbox-harness';

const entry = (id: string): OutboxEntry => ({
  id,
  topic: 'medmentor.diagnostics.ping.v1',
  key: id,
  value: `{"id":"${id}"}`,
  headers: {},
  createdAt: new Date(),
});

describe('MongoOutboxStore.acknowledgeAll (real MongoDB-wire server)', () => {
  let client: MongoClient;
  let docs: Collection<Document>;

  beforeAll(async () => {
    const connected = await connectDb(mongoUri(), uniqueName('it_outbox_store').replace(/-/g, '_'));
    client = connected.client;
    docs = connected.db.collection('aggregates');
  });

  afterAll(async () => {
    await client?.db(docs.dbName).dropDatabase();
    await client?.close();
  });

  it('empties what was claimed in a few writes, and keeps entries pushed meanwhile and leases taken over', async () => {
    await docs.insertMany([
      { _id: 'one' as never, _outbox: [entry('a1')], _outboxPending: true },
      { _id: 'two' as never, _outbox: [entry('b1'), entry('b2')], _outboxPending: true },
      { _id: 'grows' as never, _outbox: [entry('c1')], _outboxPending: true },
      { _id: 'taken' as never, _outbox: [entry('d1')], _outboxPending: true },
    ]);
    const store = new MongoOutboxStore(docs);
    const claims = await store.claim(10, 10_000);
    expect(claims.map((c) => c.documentId).sort()).toEqual(['grows', 'one', 'taken', 'two']);

    const late = entry('c2');
    await docs.updateOne({ _id: 'grows' as never }, { $push: { _outbox: late }, $set: { _outboxPending: true } } as never);
    // Its lease expired and another relay holds it now: this relay must not touch it.
    await docs.updateOne({ _id: 'taken' as never }, { $set: { _outboxLockedBy: 'another-relay' } });

    await store.acknowledgeAll(claims);

    const byId = new Map((await docs.find({}).toArray()).map((doc) => [doc._id as unknown as string, doc]));
    for (const id of ['one', 'two']) {
      expect(byId.get(id)).toMatchObject({ _outbox: [], _outboxPending: false });
      expect(byId.get(id)).not.toHaveProperty('_outboxLockedBy');
    }
    expect(byId.get('grows')).toMatchObject({ _outbox: [expect.objectContaining({ id: 'c2' })], _outboxPending: true });
    expect(byId.get('grows')).not.toHaveProperty('_outboxLockedBy');
    expect(byId.get('taken')).toMatchObject({ _outbox: [expect.objectContaining({ id: 'd1' })], _outboxLockedBy: 'another-relay' });
  });
});
