export interface MongoProbeOptions {
  /** Also insert and drop a document in a throwaway database: proves storage works. */
  roundTrip: boolean;
}

export const PROBE_DATABASE = 'medmentor_infra_probe';

/** Throws unless the server answers `{ ping: 1 }` (through the mongodb driver that mongoose bundles). */
export async function probeMongo(uri: string, options: MongoProbeOptions): Promise<void> {
  const { mongo } = await import('mongoose');
  const client = new mongo.MongoClient(uri, {
    serverSelectionTimeoutMS: 1_500,
    connectTimeoutMS: 1_500,
    socketTimeoutMS: 10_000,
  });
  try {
    await client.connect();
    await client.db('admin').command({ ping: 1 });
    if (options.roundTrip) {
      const db = client.db(PROBE_DATABASE);
      await db.collection('probe').insertOne({ at: new Date() });
      await db.dropDatabase();
    }
  } finally {
    await client.close();
  }
}
