/**
 * The pipeline from an activated match to the kickoff invitation in the mentee's mailbox:
 * the built scheduling and notifications services (dist/, each its own process) on the
 * tools/infra Kafka, MongoDB-wire and SMTP servers. Profiles and matching are not started:
 * the benchmark publishes their events itself (tenant, program, physicians first, untimed).
 *
 *   npx tsx tools/bench/pipeline.bench.ts [--matches 10000] [--rate 200] [--seconds 20]
 *       [--timeout 900] [--build] [--dist DIR]
 *
 * 1. Burst: `--matches` `match.activated` events at once; times until every kickoff is planned
 *    and until every mentee's kickoff invitation (or no-common-slot notice) reached the SMTP
 *    server. Target: 10,000 in < 60 s.
 * 2. Steady: `--rate` activations per second for `--seconds`; the latency of each match is from
 *    producing its event to the SMTP server receiving the mentee's mail. Target: p95 < 2 s.
 *    `--rate 0` skips it, as `--matches 0` skips the burst.
 *
 * Not a test: it prints figures. Without KAFKA_BROKERS/MONGODB_URI it runs itself inside
 * `tools/infra with`.
 */
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import type { EventPayload } from '@medmentor/contracts';
import { generateDevKeyPair } from '@medmentor/auth';
import { ServiceProcess, waitFor } from '@medmentor/testing';
import { distDir, ensureBuilt, ensureInfra, option } from './profiles-service';
import { MailWatch } from './mailbox';
import {
  benchProgram,
  benchTenant,
  eventSender,
  registeredPhysician,
  schedulingFixtures,
} from './scheduling-fixtures';
import { heading, row } from './timing';

const root = join(__dirname, '../..');
const ACTIVATED_AT = '2026-03-02T12:00:00.000Z';
/** The mentee's kickoff invitation, and the notice sent instead when no common slot exists. */
const KICKOFF_INVITATION = /^Your kickoff with /;
const PICK_A_TIME = /^Please pick a time for your kickoff /;

const percentile = (sorted: number[], p: number): number =>
  sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))];
const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;

async function main(): Promise<void> {
  ensureInfra();
  ensureBuilt();
  const burst = option('--matches', 10_000);
  const rate = option('--rate', 200);
  const steadySeconds = option('--seconds', 20);
  const timeoutMs = option('--timeout', 900) * 1000;
  const steady = Math.round(rate * steadySeconds);
  const total = burst + steady;
  const stamp = Date.now();
  const tenantId = `bench-pipeline-${stamp}`;
  const programId = `${tenantId}-program`;
  const keys = await generateDevKeyPair();

  const common = {
    MONGODB_URI: process.env['MONGODB_URI']!,
    KAFKA_BROKERS: process.env['KAFKA_BROKERS']!,
    AUTH_PUBLIC_KEY: keys.publicKeyPem,
    AUTH_ISSUER: 'medmentor-bench',
    AUTH_AUDIENCE: 'medmentor-api',
    LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn',
  };
  const logDir = join(root, 'tmp/bench-logs', `bench_pipeline_${stamp}`);
  const schedulingDb = `bench_pipeline_scheduling_${stamp}`;
  const notificationsDb = `bench_pipeline_notifications_${stamp}`;
  const services = [
    new ServiceProcess({
      name: 'scheduling',
      port: option('--port', 3903),
      logDir,
      distDir: distDir(),
      env: {
        ...common,
        MONGODB_DATABASE: schedulingDb,
        KAFKA_GROUP_ID: schedulingDb,
        SCHEDULING_TIMERS_ENABLED: 'false',
      },
    }),
    new ServiceProcess({
      name: 'notifications',
      port: option('--port', 3903) + 1,
      logDir,
      distDir: distDir(),
      env: {
        ...common,
        MONGODB_DATABASE: notificationsDb,
        KAFKA_GROUP_ID: notificationsDb,
        SMTP_URL: process.env['SMTP_URL']!,
        NOTIFICATIONS_UNSUBSCRIBE_SECRET: 'bench-unsubscribe-secret-0123456789abcdef',
      },
    }),
  ];
  const kafka = new Kafka({
    clientId: 'bench-pipeline',
    brokers: process.env['KAFKA_BROKERS']!.split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const mongo = new MongoClient(process.env['MONGODB_URI']!);
  try {
    // Ctrl-C or a TERM stops the services too (they are processes of their own).
    for (const signal of ['SIGINT', 'SIGTERM'] as const)
      process.once(signal, () => {
        void Promise.all(services.map((service) => service.stop().catch(() => undefined))).then(
          () => process.exit(130),
        );
      });
    for (const service of services) service.start();
    await Promise.all(services.map((service) => service.waitReady()));
    await producer.connect();
    await mongo.connect();
    const scheduling = mongo.db(schedulingDb);
    const notifications = mongo.db(notificationsDb);
    const send = eventSender(producer, tenantId);

    await send('medmentor.profiles.tenant.registered', [benchTenant(tenantId)]);
    await send('medmentor.profiles.program.published', [benchProgram(programId, tenantId)]);
    const { mentors, pairs } = schedulingFixtures(total);
    const mentorCount = mentors.length;
    const fixtureStart = performance.now();
    await send('medmentor.profiles.physician.registered', [
      ...mentors.map((m) => registeredPhysician(m, tenantId)),
      ...pairs.map(({ mentee }) => registeredPhysician(mentee, tenantId)),
    ]);
    const people = mentorCount + total;
    await waitFor(
      async () =>
        (await scheduling.collection('physicians').countDocuments({ tenantId })) === people &&
        (await notifications.collection('contacts').countDocuments()) >= people,
      { timeoutMs: 1_800_000, intervalMs: 500, description: 'both read models' },
    );
    heading(
      `Pipeline: match.activated -> kickoff planned -> invitation email (${mentorCount} mentors, ${total} mentees)`,
    );
    row('fixtures in both read models (untimed)', seconds(performance.now() - fixtureStart));

    const match = (i: number): EventPayload<'medmentor.matching.match.activated'> => ({
      matchId: `${tenantId}-match-${i}`,
      tenantId,
      programId,
      role: 'career',
      menteeId: pairs[i].mentee.physicianId,
      mentorId: pairs[i].mentor.physicianId,
      menteeEnrollmentId: `en-${pairs[i].mentee.physicianId}`,
      mentorEnrollmentId: `en-${pairs[i].mentor.physicianId}`,
      origin: 'run',
      version: 2,
      at: ACTIVATED_AT,
    });
    const menteeIndex = new Map(
      pairs.map(({ mentee }, i) => [registeredPhysician(mentee, tenantId).email, i]),
    );
    const watch = new MailWatch();
    await watch.poll();
    /** Arrival time (SMTP server's clock) of each mentee's first mail, by match index. */
    const arrived = new Map<number, number>();
    let kickoffs = 0;
    let noSlot = 0;
    const follow = async () => {
      for (const mail of await watch.poll()) {
        const i = menteeIndex.get(mail.to[0] ?? '');
        if (i === undefined || arrived.has(i)) continue;
        // The match's own mail ("Your career mentorship ... starts") comes first and is not it.
        if (KICKOFF_INVITATION.test(mail.subject)) kickoffs++;
        else if (PICK_A_TIME.test(mail.subject)) noSlot++;
        else continue;
        arrived.set(i, Date.parse(mail.date));
      }
    };
    const waitForMails = async (from: number, to: number, description: string) => {
      let lastReport = performance.now();
      await waitFor(
        async () => {
          await follow();
          let done = 0;
          for (let i = from; i < to; i++) if (arrived.has(i)) done++;
          if (performance.now() - lastReport > 15_000) {
            lastReport = performance.now();
            row(`  ... ${description}`, `${done} / ${to - from}`);
          }
          return done === to - from;
        },
        { timeoutMs, intervalMs: 250, description },
      );
    };

    if (burst > 0) {
      const started = performance.now();
      await send(
        'medmentor.matching.match.activated',
        Array.from({ length: burst }, (_, i) => match(i)),
      );
      row(`burst: ${burst} activations produced`, seconds(performance.now() - started));
      await waitFor(
        async () =>
          (await scheduling.collection('matches').countDocuments({ kickoff: { $exists: true } })) >=
          burst,
        { timeoutMs, intervalMs: 500, description: 'every kickoff planned' },
      );
      row('burst: every kickoff planned', seconds(performance.now() - started));
      await waitForMails(0, burst, 'mentee invitations');
      const elapsed = performance.now() - started;
      row('burst: every mentee invitation received (target < 60 s)', seconds(elapsed));
      row('burst: throughput', `${Math.round(burst / (elapsed / 1000))} matches/s`);
      row('burst: kickoff invitations / no-common-slot notices', `${kickoffs} / ${noSlot}`);
    }

    if (steady > 0) {
      const produced = new Map<number, number>();
      const tickMs = 100;
      const perTick = rate / (1000 / tickMs);
      const started = Date.now();
      let sent = 0;
      while (sent < steady) {
        const due = Math.min(steady, Math.floor(((Date.now() - started) / tickMs + 1) * perTick));
        if (due > sent) {
          const batch = Array.from({ length: due - sent }, (_, k) => match(burst + sent + k));
          const at = Date.now();
          await send('medmentor.matching.match.activated', batch);
          for (let k = 0; k < batch.length; k++) produced.set(burst + sent + k, at);
          sent = due;
        }
        await follow();
        await new Promise((resolve) => setTimeout(resolve, Math.max(0, tickMs / 2)));
      }
      const producing = (Date.now() - started) / 1000;
      row(
        `steady: ${steady} activations over ${producing.toFixed(1)} s`,
        `${Math.round(steady / producing)} /s`,
      );
      await waitForMails(burst, total, 'steady-state invitations');
      const latencies = [...produced].map(([i, at]) => arrived.get(i)! - at).sort((a, b) => a - b);
      row(
        'steady: activation -> mentee email, p50 / p95 / max (target p95 < 2 s)',
        `${percentile(latencies, 0.5)} / ${percentile(latencies, 0.95)} / ${latencies[latencies.length - 1]} ms`,
      );
    }

    await follow();
    const ids = watch.entries.map((m) => m.messageId ?? m.id);
    row('emails received in all (invitations for check-ins too)', String(ids.length));
    row('duplicates (same Message-ID twice)', String(ids.length - new Set(ids).size));
    await scheduling.dropDatabase();
    await notifications.dropDatabase();
  } finally {
    await producer.disconnect().catch(() => undefined);
    await mongo.close().catch(() => undefined);
    await Promise.all(services.map((service) => service.stop().catch(() => undefined)));
  }
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
