import type { MongoClient, Db } from 'mongodb';
import { infraControl, mongoUri, uniqueName } from '@medmentor/testing';
import { classifyError } from '../src/consumer/classify-error';
import { connectDb } from './outbox-harness';

/** What the driver really throws, classified: the consumer retries transient errors without limit. */
describe('classifyError on the real driver', () => {
  let client: MongoClient;
  let db: Db;

  beforeAll(async () => {
    ({ client, db } = await connectDb(mongoUri(), uniqueName('classify').replace(/-/g, '_')));
    await db.collection('docs').insertOne({ _id: 'taken' } as never);
  });

  afterAll(async () => {
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  const thrown = (write: () => Promise<unknown>): Promise<unknown> =>
    write().then(
      () => new Error('the write succeeded'),
      (error: unknown) => error,
    );

  it('treats a bulk write (insertMany) failing while the database is down as transient, not as a poison message', async () => {
    await infraControl('mongo', 'stop');
    try {
      const docs = db.collection<{ _id: string }>('docs');
      const errors = [
        await thrown(() => docs.insertOne({ _id: 'one' })),
        await thrown(() => docs.insertMany([{ _id: 'a' }, { _id: 'b' }], { ordered: true })),
        await thrown(() => docs.insertMany([{ _id: 'c' }, { _id: 'd' }], { ordered: false })),
        await thrown(() => docs.bulkWrite([{ insertOne: { document: { _id: 'e' } } }])),
      ];
      expect(errors.map((error) => (error as Error).name)).toEqual([
        expect.stringMatching(/^Mongo/),
        'MongoBulkWriteError',
        'MongoBulkWriteError',
        'MongoBulkWriteError',
      ]);
      expect(errors.map((error) => classifyError(error))).toEqual([
        'transient',
        'transient',
        'transient',
        'transient',
      ]);
    } finally {
      await infraControl('mongo', 'start');
    }
  }, 120_000);

  it('still treats a bulk write refused for duplicate keys as failed', async () => {
    const error = await thrown(() =>
      db
        .collection<{ _id: string }>('docs')
        .insertMany([{ _id: 'taken' }, { _id: 'fresh' }], { ordered: true }),
    );
    expect((error as Error).name).toBe('MongoBulkWriteError');
    expect(classifyError(error)).toBe('failed');
  }, 60_000);
});
