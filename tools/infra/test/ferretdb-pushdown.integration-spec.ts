// The patched FerretDB (tools/infra/src/mongo/ferretdb-patches.ts) answers SQL-filtered queries and
// runs updates one at a time. These pin that it still answers exactly what MongoDB would, where a
// naive pushdown would lose documents (array fields, $in, mixed types, operators beside
// equality), and that concurrent updates over several connections lose nothing.
import { MongoClient, type Collection } from 'mongodb';

interface Row {
  _id: string;
  tenantId: string;
  email?: string;
  roles?: string | string[];
  flag?: boolean;
  n?: number;
  nested?: { kind: string };
}

const uri = process.env['MONGODB_URI'];
if (!uri)
  throw new Error('MONGODB_URI is not set: run under `tsx tools/infra/src/cli.ts with -- ...`');

let client: MongoClient;
let rows: Collection<Row>;

const ids = async (filter: Parameters<Collection<Row>['find']>[0]): Promise<string[]> =>
  (await rows.find(filter).toArray()).map((r) => r._id).sort();

beforeAll(async () => {
  client = await MongoClient.connect(uri);
  rows = client.db(`pushdown_it_${Date.now().toString(36)}`).collection<Row>('rows');
  await rows.createIndex({ tenantId: 1, email: 1 }, { unique: true });
  await rows.createIndex({ roles: 1 });
  await rows.insertMany([
    { _id: 'a', tenantId: 't1', email: 'a@x', roles: 'mentee', flag: true, n: 1 },
    { _id: 'b', tenantId: 't1', email: 'b@x', roles: ['mentor', 'mentee'], flag: false, n: 2 },
    { _id: 'c', tenantId: 't2', email: 'c@x', roles: ['mentor'], n: 3, nested: { kind: 'k' } },
    { _id: 'd', tenantId: 't2', email: 'd"<q>@x', roles: 'peer', flag: true },
    { _id: 'e', tenantId: 't2', roles: [] },
  ]);
});

afterAll(async () => {
  await rows.db.dropDatabase();
  await client.close();
});

describe('FerretDB with equality pushdown', () => {
  it('finds by _id, and by a compound unique key', async () => {
    expect(await ids({ _id: 'c' })).toEqual(['c']);
    expect(await ids({ tenantId: 't1', email: 'b@x' })).toEqual(['b']);
    expect(await ids({ _id: 'zz' })).toEqual([]);
  });

  it('matches a value inside an array field, as MongoDB does', async () => {
    expect(await ids({ roles: 'mentor' })).toEqual(['b', 'c']);
    expect(await ids({ roles: 'mentee' })).toEqual(['a', 'b']);
    expect(await ids({ roles: { $eq: 'mentor' }, tenantId: 't2' })).toEqual(['c']);
  });

  it('answers $in over strings, also on array fields', async () => {
    expect(await ids({ _id: { $in: ['a', 'd', 'nope'] } })).toEqual(['a', 'd']);
    expect(await ids({ roles: { $in: ['peer', 'mentor'] } })).toEqual(['b', 'c', 'd']);
  });

  it('keeps conditions that are not pushed down (null, numbers, ranges, nested paths, $or)', async () => {
    expect(await ids({ _id: { $in: ['a', null as unknown as string] } })).toEqual(['a']);
    expect(await ids({ tenantId: 't2', flag: { $exists: false } })).toEqual(['c', 'e']);
    expect(await ids({ n: 2 })).toEqual(['b']);
    expect(await ids({ tenantId: 't1', n: { $gt: 1 } })).toEqual(['b']);
    expect(await ids({ 'nested.kind': 'k' })).toEqual(['c']);
    expect(await ids({ $or: [{ _id: 'a' }, { email: 'c@x' }] })).toEqual(['a', 'c']);
  });

  it('compares booleans and strings with quotes and HTML characters exactly', async () => {
    expect(await ids({ flag: true })).toEqual(['a', 'd']);
    expect(await ids({ flag: false })).toEqual(['b']);
    expect(await ids({ email: 'd"<q>@x' })).toEqual(['d']);
    expect(await ids({ tenantId: 'T1' })).toEqual([]);
  });

  it('updates, counts and deletes through the same filters', async () => {
    await rows.updateOne({ tenantId: 't1', email: 'a@x' }, { $set: { n: 10 } });
    expect((await rows.findOne({ _id: 'a' }))?.n).toBe(10);
    expect(await rows.countDocuments({ roles: 'mentor' })).toBe(2);
    const updated = await rows.findOneAndUpdate(
      { _id: 'b', roles: 'mentor' },
      { $inc: { n: 1 } },
      { returnDocument: 'after' },
    );
    expect(updated?.n).toBe(3);
    await rows.deleteMany({ roles: { $in: ['peer'] } });
    expect(await ids({})).toEqual(['a', 'b', 'c', 'e']);
  });

  it('answers a filter shaped for a compound index, with arrays at any of its fields', async () => {
    const shaped = rows.db.collection<{
      _id: string;
      t: string | string[];
      r: string | string[];
      e: string;
    }>('shaped');
    await shaped.createIndex({ t: 1, r: 1, e: 1 });
    await shaped.insertMany([
      { _id: 'plain', t: 't1', r: 'mentor', e: 'x' },
      { _id: 'roles-array', t: 't1', r: ['mentee', 'mentor'], e: 'x' },
      { _id: 'tenant-array', t: ['t0', 't1'], r: 'mentor', e: 'x' },
      { _id: 'other-email', t: 't1', r: 'mentor', e: 'y' },
      { _id: 'other-role', t: 't1', r: 'peer', e: 'x' },
    ]);
    const found = async (filter: Record<string, unknown>) =>
      (await shaped.find(filter).toArray()).map((d) => d._id).sort();
    expect(await found({ t: 't1', r: 'mentor', e: 'x' })).toEqual([
      'plain',
      'roles-array',
      'tenant-array',
    ]);
    expect(await found({ t: 't1', r: { $in: ['peer', 'mentee'] } })).toEqual([
      'other-role',
      'roles-array',
    ]);
    expect(await found({ r: 'mentor', e: 'y' })).toEqual(['other-email']);
  });

  it('answers a top-level $or whose branches fit other indexes, with arrays and the conditions beside it', async () => {
    const meetings = rows.db.collection<{
      _id: string;
      t: string | string[];
      a: string | string[];
      b: string;
      s: string;
      n?: number;
    }>('or-branches');
    await meetings.createIndex({ t: 1, a: 1 });
    await meetings.createIndex({ t: 1, b: 1 });
    await meetings.insertMany([
      { _id: 'a-is-p', t: 't1', a: 'p', b: 'x', s: 'on', n: 1 },
      { _id: 'b-is-p', t: 't1', a: 'x', b: 'p', s: 'on', n: 2 },
      { _id: 'a-holds-p', t: 't1', a: ['q', 'p'], b: 'x', s: 'on', n: 3 },
      { _id: 'tenants-array', t: ['t0', 't1'], a: 'x', b: 'q', s: 'on' },
      { _id: 'other-tenant', t: 't2', a: 'p', b: 'p', s: 'on' },
      { _id: 'cancelled', t: 't1', a: 'p', b: 'p', s: 'off' },
      { _id: 'neither', t: 't1', a: 'x', b: 'y', s: 'on' },
    ]);
    const found = async (filter: Record<string, unknown>) =>
      (await meetings.find(filter).toArray()).map((d) => d._id).sort();
    const either = (ids: string[]) => ({ $or: [{ a: { $in: ids } }, { b: { $in: ids } }] });
    expect(await found({ t: 't1', s: 'on', ...either(['p']) })).toEqual([
      'a-holds-p',
      'a-is-p',
      'b-is-p',
    ]);
    expect(await found({ t: 't1', s: 'on', ...either(['q']) })).toEqual([
      'a-holds-p',
      'tenants-array',
    ]);
    // beside ranges and numbers, which stay in Go; a branch by _id; a branch no index fits
    expect(await found({ t: 't1', n: { $gte: 2 }, ...either(['p']) })).toEqual([
      'a-holds-p',
      'b-is-p',
    ]);
    expect(await found({ t: 't1', $or: [{ _id: 'neither' }, { b: 'p' }] })).toEqual([
      'b-is-p',
      'cancelled',
      'neither',
    ]);
    expect(await found({ t: 't1', $or: [{ a: 'p' }, { s: 'off' }] })).toEqual([
      'a-holds-p',
      'a-is-p',
      'cancelled',
    ]);
    expect(await meetings.countDocuments({ t: 't2', ...either(['p']) })).toBe(1);
  });

  it('still refuses a duplicate of the unique key', async () => {
    await expect(
      rows.insertOne({ _id: 'dup', tenantId: 't1', email: 'a@x' }),
    ).rejects.toMatchObject({ code: 11000 });
  });
});

describe('FerretDB with the write lock', () => {
  it('loses no concurrent update to one document made over several connections', async () => {
    const others = await Promise.all(
      [1, 2, 3].map(() => MongoClient.connect(uri, { maxPoolSize: 4 })),
    );
    try {
      const counters = others.map((c) =>
        c.db(rows.dbName).collection<{ _id: string; n: number }>('counters'),
      );
      await counters[0].insertOne({ _id: 'c', n: 0 });
      await Promise.all(
        counters.flatMap((counter) =>
          Array.from({ length: 20 }, () => counter.updateOne({ _id: 'c' }, { $inc: { n: 1 } })),
        ),
      );
      expect((await counters[0].findOne({ _id: 'c' }))?.n).toBe(60);
    } finally {
      await Promise.all(others.map((c) => c.close()));
    }
  });

  it('lets exactly one of several concurrent conditional claims win', async () => {
    const others = await Promise.all([1, 2, 3, 4].map(() => MongoClient.connect(uri)));
    try {
      const leases = others.map((c) =>
        c.db(rows.dbName).collection<{ _id: string; owner: string | null }>('leases'),
      );
      await leases[0].insertOne({ _id: 'l', owner: null });
      const won = await Promise.all(
        leases.map(async (lease, i) => {
          const result = await lease.updateOne(
            { _id: 'l', owner: null },
            { $set: { owner: `o${i}` } },
          );
          return result.modifiedCount;
        }),
      );
      expect(won.reduce((a, b) => a + b, 0)).toBe(1);
    } finally {
      await Promise.all(others.map((c) => c.close()));
    }
  });
});
