import type { MongoClient, Collection, Document } from 'mongodb';
import { mongoUri, uniqueName, waitFor } from '@medmentor/testing';
import { MongoOutboxStore, OUTBOX_LEASES_COLLECTION } from '../src/outbox/mongo-outbox-store';
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
    await docs.updateOne({ _id: 'grows' as never }, {
      $push: { _outbox: late },
      $set: { _outboxPending: true },
    } as never);
    // Its lease expired and another relay holds it now: this relay must not touch it.
    await docs.updateOne({ _id: 'taken' as never }, { $set: { _outboxLockedBy: 'another-relay' } });

    await store.acknowledgeAll(claims);

    const byId = new Map(
      (await docs.find({}).toArray()).map((doc) => [doc._id as unknown as string, doc]),
    );
    for (const id of ['one', 'two']) {
      expect(byId.get(id)).toMatchObject({ _outbox: [], _outboxPending: false });
      expect(byId.get(id)).not.toHaveProperty('_outboxLockedBy');
    }
    expect(byId.get('grows')).toMatchObject({
      _outbox: [expect.objectContaining({ id: 'c2' })],
      _outboxPending: true,
    });
    expect(byId.get('grows')).not.toHaveProperty('_outboxLockedBy');
    expect(byId.get('taken')).toMatchObject({
      _outbox: [expect.objectContaining({ id: 'd1' })],
      _outboxLockedBy: 'another-relay',
    });
  });
});

describe('MongoOutboxStore leases (real MongoDB-wire server)', () => {
  let client: MongoClient;
  let docs: Collection<Document>;

  beforeAll(async () => {
    const connected = await connectDb(mongoUri(), uniqueName('it_outbox_lease').replace(/-/g, '_'));
    client = connected.client;
    docs = connected.db.collection('aggregates');
  });

  afterEach(async () => {
    await docs.deleteMany({});
    await docs.db.collection(OUTBOX_LEASES_COLLECTION).deleteMany({});
  });

  afterAll(async () => {
    await client?.db(docs.dbName).dropDatabase();
    await client?.close();
  });

  const pendingDoc = (id: string, ...ids: string[]) => ({
    _id: id as never,
    _outbox: ids.map(entry),
    _outboxPending: true,
  });

  it('lets one relay at a time publish a collection, without writing to the aggregates, until its lease expires', async () => {
    await docs.insertMany([pendingDoc('one', 'a1'), pendingDoc('two', 'b1', 'b2')]);
    const first = new MongoOutboxStore(docs);
    const second = new MongoOutboxStore(docs);

    const claims = await first.claim(10, 300);
    expect(claims.map((c) => [c.documentId, c.entries.map((e) => e.id)]).sort()).toEqual([
      ['one', ['a1']],
      ['two', ['b1', 'b2']],
    ]);
    expect(await docs.countDocuments({ _outboxLockedBy: { $exists: true } })).toBe(0);
    expect(await second.claim(10, 300)).toEqual([]);
    // The holder renews its lease with every claim.
    expect(await first.claim(10, 300)).toHaveLength(2);

    await waitFor(async () => (await second.claim(10, 10_000)).length === 2, {
      timeoutMs: 10_000,
      description: 'the second relay to take over the expired lease',
    });
    expect(await first.claim(10, 10_000)).toEqual([]);
  });

  it('gives the lease back on release, so another relay claims at once', async () => {
    await docs.insertOne(pendingDoc('one', 'a1'));
    const first = new MongoOutboxStore(docs);
    const second = new MongoOutboxStore(docs);
    const [claim] = await first.claim(10, 60_000);
    expect(await second.claim(10, 60_000)).toEqual([]);

    await first.release(claim);
    await first.release(claim);

    expect((await second.claim(10, 60_000)).map((c) => c.documentId)).toEqual(['one']);
  });

  it('never empties entries it did not publish when a relay that lost its lease acknowledges late', async () => {
    await docs.insertMany([pendingDoc('one', 'a1'), pendingDoc('two', 'b1')]);
    const slow = new MongoOutboxStore(docs);
    const next = new MongoOutboxStore(docs);
    const late = await slow.claim(10, 1);
    await waitFor(async () => (await next.claim(10, 60_000)).length === 2, {
      timeoutMs: 10_000,
      description: 'the next relay to take over',
    });
    const taken = await next.claim(10, 60_000);
    await next.acknowledgeAll(taken);
    // A new event of `one` after the next relay published a1; `two` stays empty.
    await docs.updateOne({ _id: 'one' as never }, {
      $push: { _outbox: entry('a2') },
      $set: { _outboxPending: true },
    } as never);

    await slow.acknowledgeAll(late);

    const byId = new Map(
      (await docs.find({}).toArray()).map((doc) => [doc._id as unknown as string, doc]),
    );
    expect(byId.get('one')).toMatchObject({
      _outbox: [expect.objectContaining({ id: 'a2' })],
      _outboxPending: true,
    });
    expect(byId.get('two')).toMatchObject({ _outbox: [], _outboxPending: false });
    expect((await next.claim(10, 60_000)).map((c) => c.entries.map((e) => e.id))).toEqual([['a2']]);
  });

  it('leaves a document leased by an older relay (per-document lease) to that relay until the lease expires', async () => {
    const live = new Date(Date.now() + 60_000);
    await docs.insertMany([
      { ...pendingDoc('held', 'h1'), _outboxLockedBy: 'older-relay', _outboxLockedUntil: live },
      {
        ...pendingDoc('expired', 'e1'),
        _outboxLockedBy: 'older-relay',
        _outboxLockedUntil: new Date(0),
      },
    ]);
    const store = new MongoOutboxStore(docs);
    const claims = await store.claim(10, 60_000);
    expect(claims.map((c) => c.documentId)).toEqual(['expired']);

    await store.acknowledgeAll(claims);

    expect(await docs.findOne({ _id: 'expired' as never })).toMatchObject({
      _outbox: [],
      _outboxPending: false,
    });
    expect(await docs.findOne({ _id: 'expired' as never })).not.toHaveProperty('_outboxLockedBy');
    expect(await docs.findOne({ _id: 'held' as never })).toMatchObject({
      _outboxLockedBy: 'older-relay',
      _outboxPending: true,
    });
  });
});
