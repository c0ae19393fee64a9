// N activated matches scheduled end to end through Kafka (target: 10,000 in < 60 s): the
// built scheduling service (dist/, `npm run build`) runs as a process on the local Kafka
// and MongoDB-wire servers; the benchmark publishes the profiles events first (not timed),
// then N `match.activated` events, and times until every match is planned (kickoff and
// check-ins stored with their events) and until the outboxes are drained (events on Kafka).
// Run inside tools/infra: npx tsx tools/infra/src/cli.ts with -- npx tsx tools/bench/scheduling-activations.bench.ts [--matches N]
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { createEvent, type EventPayload, type EventType } from '@medmentor/contracts';
import { generateDevKeyPair } from '@medmentor/auth';
import { kafkaBrokers, mongoUri, ServiceProcess, uniqueName, waitFor } from '@medmentor/testing';
import { heading, row } from './timing';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const MATCHES = argument('--matches', 10_000);
const MENTORS = Math.max(1, Math.ceil(MATCHES / 25));
/** A tenant of its own: the service also reads every earlier event on the topics. */
const TENANT = uniqueName('bench-tenant');
const ACTIVATED_AT = '2026-03-02T12:00:00.000Z';
const ZONES = [
  'America/New_York',
  'America/Chicago',
  'America/Los_Angeles',
  'Europe/London',
  'Asia/Kolkata',
];
const WEEKDAYS = ['mon', 'tue', 'wed', 'thu', 'fri'] as const;

const physician = (id: string, zone: string) => ({
  physicianId: id,
  tenantId: TENANT,
  displayName: `Dr ${id}`,
  email: `${id}@example.org`,
  timeZone: zone,
  languages: ['en'],
  availability: WEEKDAYS.flatMap((day) => [
    { day, start: '07:00', end: '09:00' },
    { day, start: '12:00', end: '14:00' },
    { day, start: '18:00', end: '21:00' },
  ]),
  specialty: 'internal-medicine',
  careerStage: { stage: 'resident' as const, pgy: 2 },
  interests: [],
  practiceSetting: {},
  mentoringCapacity: 30,
  takingBreak: false,
  mentorTraining: { completed: true },
  reportingLine: { supervisorIds: [], evaluatorIds: [] },
  version: 1,
});

const main = async (): Promise<void> => {
  const database = uniqueName('bench_scheduling').replace(/-/g, '_');
  const keys = await generateDevKeyPair();
  const service = new ServiceProcess({
    name: 'scheduling',
    port: 13_903,
    logDir: join(tmpdir(), 'medmentor-bench'),
    env: {
      MONGODB_URI: mongoUri(),
      MONGODB_DATABASE: database,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_GROUP_ID: uniqueName('bench-scheduling'),
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      AUTH_ISSUER: 'bench',
      AUTH_AUDIENCE: 'bench',
      LOG_LEVEL: 'warn',
      SCHEDULING_TIMERS_ENABLED: 'false',
      SCHEDULING_HORIZON_DAYS: '100',
    },
  });
  const mongo = await new MongoClient(mongoUri()).connect();
  const db = mongo.db(database);
  const kafka = new Kafka({
    clientId: uniqueName('bench'),
    brokers: kafkaBrokers(),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  try {
    service.start();
    await service.waitReady();
    await producer.connect();
    const send = async <T extends EventType>(type: T, items: EventPayload<T>[]): Promise<void> => {
      for (let i = 0; i < items.length; i += 500) {
        const events = items
          .slice(i, i + 500)
          .map((data) => createEvent(type, data, { tenantId: TENANT, source: 'bench' }));
        await producer.send({
          topic: events[0].topic,
          acks: -1,
          messages: events.map((e) => ({ key: e.key, value: JSON.stringify(e.envelope) })),
        });
      }
    };
    const programId = uniqueName('bench-program');
    await send('medmentor.profiles.program.published', [
      {
        programId,
        tenantId: TENANT,
        name: 'Bench',
        kind: 'institutional',
        matchingMode: 'cohort',
        status: 'active',
        rolesOffered: [{ role: 'career', perMentee: 1 }],
        scoringWeights: {
          specialty: 1,
          careerStage: 1,
          interests: 0,
          goals: 0,
          practiceSetting: 0,
          geography: 0,
          language: 0,
          availability: 0,
        },
        eligibility: {
          mentees: { careerStages: [], specialties: [] },
          mentors: { careerStages: [], specialties: [] },
        },
        requirements: { mentorTrainingCompleted: false },
        cadence: [{ every: 'month', count: 6 }, { every: 'quarter' }],
        kickoffWindowDays: 14,
        reminderOffsetsMinutes: [1440, 60],
        cycle: {
          enrollmentOpensAt: '2026-01-01T00:00:00.000Z',
          enrollmentClosesAt: '2026-02-01T00:00:00.000Z',
        },
        version: 1,
      },
    ]);
    const mentors = Array.from({ length: MENTORS }, (_, i) =>
      physician(`mentor-${i}`, ZONES[i % ZONES.length]),
    );
    const mentees = Array.from({ length: MATCHES }, (_, i) =>
      physician(`mentee-${i}`, ZONES[(i * 7) % ZONES.length]),
    );
    await send('medmentor.profiles.physician.registered', [...mentors, ...mentees]);
    await waitFor(
      async () => (await db.collection('physicians').countDocuments({ tenantId: TENANT })) === MENTORS + MATCHES,
      {
        timeoutMs: 600_000,
        intervalMs: 500,
        description: 'the physicians read model',
      },
    );
    const matches = mentees.map((mentee, i) => ({
      matchId: `match-${i}`,
      tenantId: TENANT,
      programId,
      role: 'career' as const,
      menteeId: mentee.physicianId,
      mentorId: mentors[i % MENTORS].physicianId,
      menteeEnrollmentId: `en-${i}`,
      mentorEnrollmentId: `en-m-${i % MENTORS}`,
      origin: 'run' as const,
      version: 2,
      at: ACTIVATED_AT,
    }));
    const started = performance.now();
    await send('medmentor.matching.match.activated', matches);
    const sent = performance.now() - started;
    await waitFor(
      async () =>
        (await db.collection('matches').countDocuments({ kickoff: { $exists: true } })) === MATCHES,
      {
        timeoutMs: 1_800_000,
        intervalMs: 500,
        description: 'every match planned',
      },
    );
    const planned = performance.now() - started;
    await waitFor(
      async () => (await db.collection('meetings').countDocuments({ _outboxPending: true })) === 0,
      {
        timeoutMs: 1_800_000,
        intervalMs: 500,
        description: 'the meetings outbox drained',
      },
    );
    const drained = performance.now() - started;
    const meetings = await db.collection('meetings').countDocuments();
    const noSlot = await db.collection('matches').countDocuments({ kickoff: 'no-common-slot' });
    heading(
      `${MATCHES} activated matches through Kafka (${MENTORS} mentors, 5 zones, monthly × 6 then quarterly)`,
    );
    row('activation events produced', `${(sent / 1000).toFixed(1)} s`);
    row('every match planned (meetings stored)', `${(planned / 1000).toFixed(1)} s`);
    row('every scheduled event on Kafka', `${(drained / 1000).toFixed(1)} s`);
    row('meetings stored', `${meetings} (${noSlot} matches without a common slot)`);
    row('throughput', `${Math.round(MATCHES / (drained / 1000))} matches/s`);
  } finally {
    await producer.disconnect().catch(() => undefined);
    await service.stop().catch(() => undefined);
    await db.dropDatabase().catch(() => undefined);
    await mongo.close();
  }
};

void main();
