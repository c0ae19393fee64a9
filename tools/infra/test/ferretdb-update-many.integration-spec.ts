// The patched FerretDB writes the documents a multi-document update changes in one transaction
// (ferretdb/_overlay/internal/handler/common/update_deferred.go), up to 1,000 at a time. These
// pin that clients see what MongoDB (and FerretDB before) gives: each matched document changed
// once, a statement of a bulkWrite sees what the statements before it changed, and on an error
// exactly the documents before the failing one changed.
import { MongoClient, type Collection } from 'mongodb';

interface Row {
  _id: string;
  // a number, except where a test stores text to make $inc fail
  n: number;
  pending?: boolean;
  email?: string;
}

const uri = process.env['MONGODB_URI'];
if (!uri)
  throw new Error('MONGODB_URI is not set: run under `tsx tools/infra/src/cli.ts with -- ...`');

let client: MongoClient;
let rows: Collection<Row>;

const id = (i: number): string => `r${String(i).padStart(5, '0')}`;

beforeAll(async () => {
  client = await MongoClient.connect(uri);
  rows = client.db(`update_many_it_${Date.now().toString(36)}`).collection<Row>('rows');
  await rows.createIndex({ email: 1 }, { unique: true, sparse: true });
  await rows.createIndex({ pending: 1 });
});

afterAll(async () => {
  await rows.db.dropDatabase();
  await client.close();
});

beforeEach(async () => {
  await rows.deleteMany({});
});

describe('FerretDB updateMany', () => {
  it('changes each of 2,500 documents exactly once, across several transactions', async () => {
    await rows.insertMany(
      Array.from({ length: 2_500 }, (_, i) => ({ _id: id(i), n: i, pending: i % 5 !== 0 })),
    );

    const result = await rows.updateMany(
      { pending: true },
      { $inc: { n: 1_000_000 }, $set: { pending: false } },
    );

    expect({ matched: result.matchedCount, modified: result.modifiedCount }).toEqual({
      matched: 2_000,
      modified: 2_000,
    });
    const all = await rows.find({}).sort({ _id: 1 }).toArray();
    expect(
      all.filter(
        (r) => r.n !== (Number(r._id.slice(1)) % 5 === 0 ? 0 : 1_000_000) + Number(r._id.slice(1)),
      ),
    ).toEqual([]);
    expect(await rows.countDocuments({ pending: true })).toBe(0);
    // what matched nothing changes nothing
    const again = await rows.updateMany({ pending: true }, { $inc: { n: 1 } });
    expect({ matched: again.matchedCount, modified: again.modifiedCount }).toEqual({
      matched: 0,
      modified: 0,
    });
  });

  it('counts documents left as they were as matched, not modified', async () => {
    await rows.insertMany(Array.from({ length: 30 }, (_, i) => ({ _id: id(i), n: i % 2 })));

    const result = await rows.updateMany({}, { $set: { n: 1 } });

    expect({ matched: result.matchedCount, modified: result.modifiedCount }).toEqual({
      matched: 30,
      modified: 15,
    });
    expect(await rows.countDocuments({ n: 1 })).toBe(30);
  });

  it('stops at a document the update cannot apply to, with the documents before it changed', async () => {
    await rows.insertMany(
      Array.from({ length: 40 }, (_, i) => ({
        _id: id(i),
        n: i === 25 ? ('text' as unknown as number) : i,
      })),
    );
    const order = (await rows.find({}).toArray()).map((r) => r._id);
    const failing = order.indexOf(id(25));

    await expect(rows.updateMany({}, { $inc: { n: 1_000 } })).rejects.toThrow();

    const changed = (await rows.find({}).toArray())
      .filter((r) => typeof r.n === 'number' && r.n >= 1_000)
      .map((r) => r._id);
    expect(changed.sort()).toEqual(order.slice(0, failing).sort());
  });

  it('stops at a duplicate of a unique key, with only the documents before it changed', async () => {
    await rows.insertMany(Array.from({ length: 20 }, (_, i) => ({ _id: id(i), n: i })));

    await expect(rows.updateMany({}, { $set: { email: 'same@x' } })).rejects.toThrow();

    expect(await rows.countDocuments({ email: 'same@x' })).toBe(1);
  });

  it('upserts one document when nothing matches, and none when something does', async () => {
    await rows.insertMany([
      { _id: id(1), n: 1, pending: true },
      { _id: id(2), n: 2, pending: true },
    ]);

    const none = await rows.updateMany({ n: 99 }, { $set: { pending: false } }, { upsert: true });
    expect(none.upsertedCount).toBe(1);
    const some = await rows.updateMany({ pending: true }, { $set: { n: 7 } }, { upsert: true });
    expect({ matched: some.matchedCount, upserted: some.upsertedCount }).toEqual({
      matched: 2,
      upserted: 0,
    });
    expect(await rows.countDocuments({})).toBe(3);
    expect(await rows.countDocuments({ n: 7 })).toBe(2);
  });
});

describe('FerretDB bulkWrite of updates (one command, many statements)', () => {
  it('lets each statement see what the statements before it changed', async () => {
    await rows.insertMany([
      { _id: id(1), n: 1, pending: true },
      { _id: id(2), n: 2, pending: true },
    ]);

    const result = await rows.bulkWrite([
      // by _id, twice on one document: both apply
      { updateOne: { filter: { _id: id(1) }, update: { $inc: { n: 10 } } } },
      { updateOne: { filter: { _id: id(1) }, update: { $inc: { n: 100 } } } },
      // a filter on what an earlier statement set
      { updateOne: { filter: { _id: id(2) }, update: { $set: { pending: false } } } },
      { updateMany: { filter: { pending: false }, update: { $inc: { n: 1_000 } } } },
      // a filter an earlier statement made false
      { updateOne: { filter: { _id: id(2), n: 2 }, update: { $set: { n: -1 } } } },
      { updateOne: { filter: { n: 111 }, update: { $set: { email: 'one@x' } } } },
    ]);

    expect({ matched: result.matchedCount, modified: result.modifiedCount }).toEqual({
      matched: 5,
      modified: 5,
    });
    expect(await rows.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: id(1), n: 111, pending: true, email: 'one@x' },
      { _id: id(2), n: 1_002, pending: false },
    ]);
  });

  it('moves a unique key from one document to another within one command', async () => {
    await rows.insertMany([
      { _id: id(1), n: 1, email: 'x@x' },
      { _id: id(2), n: 2, email: 'y@x' },
    ]);

    await rows.bulkWrite([
      { updateOne: { filter: { _id: id(1) }, update: { $set: { email: 'z@x' } } } },
      { updateOne: { filter: { _id: id(2) }, update: { $set: { email: 'x@x' } } } },
    ]);

    expect(await rows.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: id(1), n: 1, email: 'z@x' },
      { _id: id(2), n: 2, email: 'x@x' },
    ]);
  });

  it('upserts after the statements before it are written', async () => {
    await rows.insertOne({ _id: id(1), n: 1, email: 'x@x' });

    const result = await rows.bulkWrite([
      { updateOne: { filter: { _id: id(1) }, update: { $set: { email: 'moved@x' } } } },
      {
        updateOne: {
          filter: { _id: id(2) },
          update: { $set: { n: 2, email: 'x@x' } },
          upsert: true,
        },
      },
    ]);

    expect(result.upsertedCount).toBe(1);
    expect(await rows.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: id(1), n: 1, email: 'moved@x' },
      { _id: id(2), n: 2, email: 'x@x' },
    ]);
  });

  it('stops at a failing statement, with the statements before it applied and none after', async () => {
    await rows.insertMany(Array.from({ length: 6 }, (_, i) => ({ _id: id(i), n: i })));
    await rows.updateOne({ _id: id(3) }, { $set: { n: 'text' as unknown as number } });

    await expect(
      rows.bulkWrite(
        Array.from({ length: 6 }, (_, i) => ({
          updateOne: { filter: { _id: id(i) }, update: { $inc: { n: 1_000 } } },
        })),
      ),
    ).rejects.toThrow();

    const changed = (await rows.find({ n: { $gte: 1_000 } }).toArray()).map((r) => r._id);
    expect(changed.sort()).toEqual([id(0), id(1), id(2)]);
  });

  it('stops at a statement that duplicates a unique key, with the statements before it applied', async () => {
    await rows.insertMany(Array.from({ length: 4 }, (_, i) => ({ _id: id(i), n: i })));

    await expect(
      rows.bulkWrite([
        { updateOne: { filter: { _id: id(0) }, update: { $set: { n: 100 } } } },
        { updateOne: { filter: { _id: id(1) }, update: { $set: { email: 'same@x' } } } },
        { updateOne: { filter: { _id: id(2) }, update: { $set: { email: 'same@x' } } } },
        { updateOne: { filter: { _id: id(3) }, update: { $set: { n: 300 } } } },
      ]),
    ).rejects.toThrow();

    expect(await rows.find({}).sort({ _id: 1 }).toArray()).toEqual([
      { _id: id(0), n: 100 },
      { _id: id(1), n: 1, email: 'same@x' },
      { _id: id(2), n: 2 },
      { _id: id(3), n: 3 },
    ]);
  });
});
