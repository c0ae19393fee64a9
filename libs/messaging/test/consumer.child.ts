// Run as a separate process and killed with SIGKILL by the consumer suite mid-batch.
import { ConsumerRig } from './consumer-harness';
import { connectDb } from './outbox-harness';

const [uri, dbName, tenantId, groupId] = process.argv.slice(2);

const main = async () => {
  const { db } = await connectDb(uri, dbName);
  await new ConsumerRig({
    db,
    tenantId,
    groupId,
    concurrencyPerPartition: 8,
    maxDelayMs: 40,
    sessionTimeoutMs: 6_000,
  }).start();
  process.stdout.write('ready\n');
  setInterval(() => undefined, 1000);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
