// Run as a separate process by the consumer suites: killed with SIGKILL mid-batch, or stopped
// gracefully with SIGTERM (it then stops its consumer, which leaves the group, and exits 0).
// An optional fifth argument (JSON, `ChildOptions`) names the member and sets its pace; with
// `waitForGo` it connects, says "waiting" and joins the group only once it reads "go" on stdin.
import { createInterface } from 'node:readline';
import { ConsumerRig, type ChildOptions } from './consumer-harness';
import { connectDb } from './outbox-harness';

const [uri, dbName, tenantId, groupId, json] = process.argv.slice(2);
const options: ChildOptions = json ? (JSON.parse(json) as ChildOptions) : {};

const main = async () => {
  const { client, db } = await connectDb(uri, dbName);
  if (options.waitForGo) {
    process.stdout.write('waiting\n');
    await new Promise<void>((resolve) =>
      createInterface({ input: process.stdin }).on('line', (line) => line === 'go' && resolve()),
    );
  }
  const rig = await new ConsumerRig({
    db,
    tenantId,
    groupId,
    concurrencyPerPartition: 8,
    minDelayMs: options.minDelayMs,
    maxDelayMs: options.maxDelayMs ?? 40,
    member: options.member,
    sessionTimeoutMs: 6_000,
  }).start();
  process.once('SIGTERM', () => {
    rig
      .stop()
      .then(() => client.close())
      .then(
        () => {
          process.stdout.write('stopped\n');
          process.exit(0);
        },
        (error: unknown) => {
          console.error(error);
          process.exit(1);
        },
      );
  });
  process.stdout.write('ready\n');
  setInterval(() => undefined, 1000);
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
