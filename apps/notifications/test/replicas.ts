import mongoose, { type Connection } from 'mongoose';
import { mongoUri, singleConnectionUri } from '@medmentor/testing';

/**
 * `count` replicas of one service on one database: each its own connection (as separate
 * processes would be), with what `build` makes on it (its models and repositories).
 */
export const openReplicas = <T extends object>(
  database: string,
  count: number,
  build: (connection: Connection) => Promise<T>,
): Promise<(T & { connection: Connection })[]> =>
  Promise.all(
    Array.from({ length: count }, async () => {
      const connection = await mongoose
        .createConnection(singleConnectionUri(mongoUri()), { dbName: database })
        .asPromise();
      return { ...(await build(connection)), connection };
    }),
  );

/** Drops the replicas' database and closes their connections. */
export const closeReplicas = async (replicas: readonly { connection: Connection }[]) => {
  await replicas[0]?.connection.dropDatabase();
  await Promise.all(replicas.map((r) => r.connection.close()));
};
