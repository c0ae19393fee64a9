/**
 * Notifications throughput: N enrollment events through Kafka to the built notifications
 * service (dist/, its own process) and out to the tools/infra SMTP server. Prints emails per
 * second end to end and the number of duplicate mails (by Message-ID); then the ceiling of
 * the SMTP server alone, sent straight to it with the same pooled nodemailer settings.
 *
 *   npx tsx tools/bench/notifications.bench.ts [--events 10000] [--physicians 1000] [--ceiling 2000] [--build] [--count-commands] [--dist DIR]
 *
 * `--dist DIR` runs the service built into DIR (`npm run build` in another checkout, say a
 * baseline) instead of this checkout's dist/.
 *
 * `--count-commands` puts a counting relay between the service and the database (it costs
 * some speed) and prints the commands per event during the timed part, by command and collection.
 *
 * Not a test: it prints figures. Without KAFKA_BROKERS/MONGODB_URI it runs itself inside
 * `tools/infra with`.
 */
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { createTransport } from 'nodemailer';
import { createEvent } from '@medmentor/contracts';
import { generateDevKeyPair } from '@medmentor/auth';
import { ServiceProcess, waitFor } from '@medmentor/testing';
import { commandCounter, printCommandCounts } from './command-counter';
import { distDir, ensureBuilt, ensureInfra, option } from './profiles-service';
import { mailbox } from './mailbox';
import { heading, row } from './timing';

const root = join(__dirname, '../..');

interface StoredMessage {
  id: string;
  messageId?: string;
}

const mailCount = async (): Promise<number> =>
  ((await (await fetch(`${mailbox()}/health`)).json()) as { messages: number }).messages;
const clearMailbox = async (): Promise<void> => {
  await fetch(`${mailbox()}/messages`, { method: 'DELETE' });
};

const rate = (count: number, ms: number): string =>
  `${((count / ms) * 1000).toFixed(0)} /s (${count} in ${(ms / 1000).toFixed(1)} s)`;

async function smtpCeiling(count: number): Promise<void> {
  await clearMailbox();
  const transport = createTransport(process.env['SMTP_URL'], {
    pool: true,
    maxConnections: 5,
    maxMessages: Infinity,
  } as never);
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < count) {
      const i = next++;
      await transport.sendMail({
        from: 'bench@medmentor.test',
        to: `ceiling-${i}@example.org`,
        subject: `ceiling ${i}`,
        text: 'x',
        html: '<p>x</p>',
      });
    }
  };
  await Promise.all(Array.from({ length: 20 }, lane));
  const ms = performance.now() - started;
  transport.close();
  row('SMTP server alone (nodemailer pool of 5)', rate(count, ms));
}

async function main(): Promise<void> {
  ensureInfra();
  ensureBuilt();
  const events = option('--events', 10_000);
  const physicians = option('--physicians', 1000);
  const ceiling = option('--ceiling', 2000);
  const database = `bench_notifications_${Date.now()}`;
  const tenantId = `bench-${Date.now()}`;
  const programId = `${tenantId}-program`;
  const keys = await generateDevKeyPair();
  await clearMailbox();
  const counter = process.argv.includes('--count-commands')
    ? await commandCounter(process.env['MONGODB_URI']!)
    : undefined;

  const options: ConstructorParameters<typeof ServiceProcess>[0] = {
    name: 'notifications',
    port: option('--port', 3904),
    logDir: join(root, 'tmp/bench-logs', database),
    env: {
      MONGODB_URI: counter?.uri ?? process.env['MONGODB_URI']!,
      MONGODB_DATABASE: database,
      KAFKA_BROKERS: process.env['KAFKA_BROKERS']!,
      KAFKA_GROUP_ID: database,
      SMTP_URL: process.env['SMTP_URL']!,
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      AUTH_ISSUER: 'medmentor-bench',
      AUTH_AUDIENCE: 'medmentor-api',
      DAILY_EMAIL_CAP: '1000',
      NOTIFICATIONS_UNSUBSCRIBE_SECRET: 'bench-unsubscribe-secret-0123456789abcdef',
      ...(process.env['LOG_LEVEL'] && { LOG_LEVEL: process.env['LOG_LEVEL'] }),
    },
  };
  const service = new ServiceProcess({ ...options, distDir: distDir() });
  service.start();
  const kafka = new Kafka({
    clientId: 'bench',
    brokers: process.env['KAFKA_BROKERS']!.split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer();
  const mongo = new MongoClient(process.env['MONGODB_URI']!);
  try {
    await service.waitReady();
    await producer.connect();
    await mongo.connect();
    const db = mongo.db(database);
    const send = async (batch: ReturnType<typeof createEvent>[]) => {
      for (let i = 0; i < batch.length; i += 500) {
        const chunk = batch.slice(i, i + 500);
        await producer.send({
          topic: chunk[0].topic,
          messages: chunk.map((e) => ({ key: e.key, value: JSON.stringify(e.envelope) })),
        });
      }
    };
    const meta = { tenantId, source: 'bench' };
    await send([
      createEvent(
        'medmentor.profiles.tenant.registered',
        {
          tenantId,
          name: 'Bench Health',
          slug: tenantId,
          kind: 'health-system',
          timeZone: 'UTC',
          status: 'active',
          hospitals: [],
          version: 1,
        },
        meta,
      ),
    ]);
    const ids = Array.from({ length: physicians }, (_, i) => `${tenantId}-ph-${i}`);
    await send(
      ids.map((physicianId, i) =>
        createEvent(
          'medmentor.profiles.physician.registered',
          {
            physicianId,
            tenantId,
            displayName: `Physician ${i}`,
            email: `${physicianId}@example.org`,
            timeZone: 'UTC',
            languages: ['en'],
            availability: [],
            specialty: 'internal-medicine',
            careerStage: { stage: 'resident', pgy: 1 },
            interests: [],
            practiceSetting: {},
            mentoringCapacity: 1,
            takingBreak: false,
            mentorTraining: { completed: false },
            reportingLine: { supervisorIds: [], evaluatorIds: [] },
            version: 1,
          },
          meta,
        ),
      ),
    );
    await waitFor(async () => (await db.collection('contacts').countDocuments()) >= physicians, {
      timeoutMs: 600_000,
      intervalMs: 500,
      description: 'contacts',
    });

    heading(
      `Notifications: ${events} enrollment events -> email + inbox (${physicians} physicians)`,
    );
    const enrollments = Array.from({ length: events }, (_, i) =>
      createEvent(
        'medmentor.profiles.enrollment.submitted',
        {
          enrollmentId: `${tenantId}-en-${i}`,
          tenantId,
          programId,
          physicianId: ids[i % physicians],
          side: 'mentee',
          roles: ['career'],
          topics: [],
          preferences: {
            externalMentorOnly: false,
            preferred: { specialties: [], languages: [], practiceSetting: {} },
            exclusions: [],
          },
          status: 'active',
          submittedAt: new Date().toISOString(),
          version: 1,
        },
        meta,
      ),
    );
    counter?.counts.clear();
    const started = performance.now();
    await send(enrollments);
    row('events produced to Kafka', rate(events, performance.now() - started));
    let lastReport = performance.now();
    await waitFor(
      async () => {
        const count = await mailCount();
        if (performance.now() - lastReport > 15_000) {
          lastReport = performance.now();
          row(`  ... ${count} emails`, rate(count, performance.now() - started));
        }
        return count >= events;
      },
      { timeoutMs: 3_600_000, intervalMs: 250, description: `${events} emails` },
    );
    const elapsed = performance.now() - started;
    row('emails received by the SMTP server (end to end)', rate(events, elapsed));
    if (counter) printCommandCounts(counter.counts, events, 'event');
    const inbox = await db.collection('inbox_messages').countDocuments();
    row('inbox messages stored', String(inbox));
    await new Promise((resolve) => setTimeout(resolve, 3000));
    const stored = (await (await fetch(`${mailbox()}/messages`)).json()) as StoredMessage[];
    const distinct = new Set(stored.map((m) => m.messageId)).size;
    row('emails in the mailbox after 3 s more', String(stored.length));
    row('duplicates (same Message-ID twice)', String(stored.length - distinct));
    await mongo.db(database).dropDatabase();
  } finally {
    await producer.disconnect().catch(() => undefined);
    await mongo.close().catch(() => undefined);
    await service.stop();
    counter?.close();
  }
  heading('Ceiling of the tools/infra SMTP server');
  await smtpCeiling(ceiling);
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
