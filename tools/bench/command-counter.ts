/**
 * A TCP relay between a service and its database that counts the commands going through it
 * (OP_MSG, the first field of the body) by command and collection, for the benches'
 * `--count-commands`. It costs some speed: rates measured through it are not the figures.
 */
import { connect, createServer, type Server } from 'node:net';
import { BSON } from 'mongodb';
import { row } from './timing';

export interface CommandCounter {
  /** The database URI to give the service: the relay's address, the target's options. */
  readonly uri: string;
  /** Commands seen since the last `clear`, keyed `<command> <collection>`. */
  readonly counts: Map<string, number>;
  close(): void;
}

/** Starts a relay to the database at `target` (a mongodb:// URI) on a free loopback port. */
export const commandCounter = async (target: string): Promise<CommandCounter> => {
  const url = new URL(target);
  const counts = new Map<string, number>();
  const server: Server = createServer((client) => {
    const upstream = connect(Number(url.port || 27017), url.hostname);
    let pending = Buffer.alloc(0);
    client.on('data', (chunk: Buffer) => {
      upstream.write(chunk);
      pending = Buffer.concat([pending, chunk]);
      while (pending.length >= 16 && pending.length >= pending.readInt32LE(0)) {
        const length = pending.readInt32LE(0);
        // OP_MSG (2013) whose first section is the body (kind 0) at byte 20.
        if (pending.readInt32LE(12) === 2013 && pending[20] === 0) {
          const body = BSON.deserialize(pending.subarray(21, 21 + pending.readInt32LE(21)));
          const command = Object.keys(body)[0] ?? '?';
          const key = `${command} ${typeof body[command] === 'string' ? body[command] : ''}`;
          counts.set(key, (counts.get(key) ?? 0) + 1);
        }
        pending = pending.subarray(length);
      }
    });
    upstream.on('data', (chunk: Buffer) => client.write(chunk));
    for (const [a, b] of [
      [client, upstream],
      [upstream, client],
    ]) {
      a.on('close', () => b.destroy());
      a.on('error', () => b.destroy());
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  const uri = new URL(target);
  uri.host = `127.0.0.1:${port}`;
  return { uri: uri.toString(), counts, close: () => server.close() };
};

/** Prints the commands per `unit` (e.g. per event), in all and by command and collection. */
export const printCommandCounts = (
  counts: Map<string, number>,
  units: number,
  unit: string,
): void => {
  const total = [...counts.values()].reduce((sum, n) => sum + n, 0);
  row(`database commands per ${unit}`, (total / units).toFixed(1));
  for (const [key, n] of [...counts].sort((a, b) => b[1] - a[1]))
    row(`  ${key}`, (n / units).toFixed(2));
};
