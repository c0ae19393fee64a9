// Run as a separate process and killed with SIGKILL by the integration suite:
//   mode "after-write": writes a ping and its event, then waits (never publishes);
//   mode "mid-publish": also claims the event with a relay whose broker call never returns.
import { OutboxRelay } from '../src/outbox/outbox-relay';
import { MongoOutboxStore } from '../src/outbox/mongo-outbox-store';
import { connectDb, pingCollection, writePing } from './outbox-harness';

const [uri, dbName, tenantId, mode] = process.argv.slice(2);

const main = async () => {
  const { db } = await connectDb(uri, dbName);
  const pings = pingCollection(db);
  const pingId = await writePing(pings, tenantId, 1);
  if (mode === 'mid-publish') {
    // The sink is called only once the relay holds the lease and has read the entries.
    let publishing = false;
    const hang = {
      publish: () => {
        publishing = true;
        return new Promise<void>(() => undefined);
      },
    };
    const relay = new OutboxRelay([new MongoOutboxStore(pings as never)], hang, {
      pollIntervalMs: 10,
      leaseMs: 1500,
    });
    relay.start();
    // Report only once the lease is held, so the kill lands mid-publish.
    while (!publishing) await new Promise((resolve) => setTimeout(resolve, 10));
  }
  process.stdout.write(`ready ${pingId}\n`);
  setInterval(() => undefined, 1000);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
