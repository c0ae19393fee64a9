import mongoose, { Schema, type Connection } from 'mongoose';
import { createEvent } from '@medmentor/contracts';
import { mongoUri, uniqueName } from '@medmentor/testing';
import { outboxFields } from '../src/outbox/outbox-entry';
import { outboxPlugin } from '../src/outbox/outbox.plugin';
import {
  OUTBOX_BULK_MIN_DOCUMENTS,
  OUTBOX_BULK_WRITTEN,
  outboxSignal,
} from '../src/outbox/outbox-signal';

describe('outboxPlugin bulk-write signal (real MongoDB-wire server, mongoose)', () => {
  let connection: Connection;
  const signalled: string[] = [];
  const record = (collection: string) => signalled.push(collection);

  beforeAll(async () => {
    connection = await mongoose
      .createConnection(mongoUri(), { dbName: uniqueName('it_outbox_plugin').replace(/-/g, '_') })
      .asPromise();
    outboxSignal.on(OUTBOX_BULK_WRITTEN, record);
  });

  afterAll(async () => {
    outboxSignal.off(OUTBOX_BULK_WRITTEN, record);
    await connection?.dropDatabase();
    await connection?.close();
  });

  it('names the collection when an insert of many documents lands, not for a few', async () => {
    const schema = new Schema({ _id: String, n: Number });
    schema.plugin(outboxPlugin);
    const Pings = connection.model('BulkPing', schema, 'bulk_pings');
    const docs = (count: number, from: number) =>
      Array.from({ length: count }, (_, i) => {
        const event = createEvent(
          'medmentor.diagnostics.ping.sent',
          { pingId: `p${from + i}`, message: 'bulk', sentAt: new Date().toISOString() },
          { tenantId: 't1', source: 'profiles' },
        );
        return { _id: `p${from + i}`, n: from + i, ...outboxFields([event]) };
      });

    await Pings.insertMany(docs(OUTBOX_BULK_MIN_DOCUMENTS - 1, 0), { ordered: false, lean: true });
    expect(signalled).toEqual([]);

    await Pings.insertMany(docs(OUTBOX_BULK_MIN_DOCUMENTS, 1000), { ordered: false, lean: true });
    expect(signalled).toEqual(['bulk_pings']);
    expect(await Pings.countDocuments({ _outboxPending: true })).toBe(
      2 * OUTBOX_BULK_MIN_DOCUMENTS - 1,
    );
  });
});
