// N activated matches scheduled end to end through Kafka (target: 10,000 in < 60 s): the
// built scheduling service (dist/, `npm run build`) runs as a process on the local Kafka
// and MongoDB-wire servers; the benchmark publishes the profiles events first (not timed),
// then N `match.activated` events, and times, from its own consumer of scheduling's topics,
// until every match's outcome is on Kafka (its kickoff's `meeting.scheduled`, or
// `slot.not-found`) and until every stored meeting's `meeting.scheduled` is.
// Run inside tools/infra: npx tsx tools/infra/src/cli.ts with -- npx tsx tools/bench/scheduling-activations.bench.ts [--matches N] [--port P] [--partitions N] [--keys-concurrency N] [--count-commands] [--cpu-prof DIR] [--dist DIR]
// `--count-commands` puts a counting relay between the service and the database and prints
// the commands per activation, by command and collection (it slows the run). `--partitions N`
// creates the topics with N partitions and lets the service consume N at once (default 3).
// `--keys-concurrency N` sets the service's CONSUMER_KEYS_CONCURRENCY (messages of different keys of
// one partition in flight at once; the service's default when absent). `--dist DIR` runs
// the service built into DIR instead of dist/ (a copy of an earlier build, for a baseline).
import { loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient, type Db } from 'mongodb';
import { Topics } from '@medmentor/contracts';
import { generateDevKeyPair } from '@medmentor/auth';
import { kafkaBrokers, mongoUri, ServiceProcess, uniqueName, waitFor } from '@medmentor/testing';
import {
  benchProgram,
  eventSender,
  registeredPhysician,
  schedulingFixtures,
  ZONES,
  type BenchPhysician,
} from './scheduling-fixtures';
import { commandCounter, printCommandCounts } from './command-counter';
import { heading, row } from './timing';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const MATCHES = argument('--matches', 10_000);
const text = (name: string): string | undefined =>
  process.argv.includes(name) ? process.argv[process.argv.indexOf(name) + 1] : undefined;
/** `--cpu-prof <dir>`: the service writes a V8 CPU profile there when it stops. */
const CPU_PROFILE_DIR = text('--cpu-prof');
/** `--dist <dir>`: the build to run (default dist/). */
const DIST = resolve(text('--dist') ?? join(__dirname, '../../dist'));
const PORT = argument('--port', 13_903);
const PARTITIONS = argument('--partitions', 3);
const KEYS_CONCURRENCY = text('--keys-concurrency');
/** A tenant of its own: the service also reads every earlier event on the topics. */
const TENANT = uniqueName('bench-tenant');
const ACTIVATED_AT = '2026-03-02T12:00:00.000Z';
/** The profiles event of a bench physician, in the bench's tenant. */
const registered = (p: BenchPhysician) => registeredPhysician(p, TENANT);

/**
 * Pairs of stored meetings that share a physician and overlap in time. A kickoff never
 * overlaps what was stored when it was planned; a check-in that no common slot within its
 * nudge window fits stays on its rule's date and may.
 */
const overlaps = async (db: Db): Promise<number> => {
  const meetings = await db
    .collection<{ menteeId: string; mentorId: string; start: Date; end: Date }>('meetings')
    .find({}, { projection: { menteeId: 1, mentorId: 1, start: 1, end: 1 } })
    .toArray();
  const byPhysician = new Map<string, { start: number; end: number }[]>();
  for (const m of meetings)
    for (const id of [m.menteeId, m.mentorId]) {
      const list = byPhysician.get(id) ?? [];
      list.push({ start: m.start.getTime(), end: m.end.getTime() });
      byPhysician.set(id, list);
    }
  let count = 0;
  for (const list of byPhysician.values()) {
    list.sort((a, b) => a.start - b.start);
    for (let i = 0; i < list.length; i += 1)
      for (let j = i + 1; j < list.length && list[j].start < list[i].end; j += 1) count += 1;
  }
  return count;
};

const main = async (): Promise<void> => {
  const database = uniqueName('bench_scheduling').replace(/-/g, '_');
  const keys = await generateDevKeyPair();
  const counter = process.argv.includes('--count-commands')
    ? await commandCounter(mongoUri())
    : undefined;
  const service = new ServiceProcess({
    name: 'scheduling',
    port: PORT,
    distDir: DIST,
    // Not allowed in NODE_OPTIONS, hence a node argument of the service's own.
    nodeArgs: CPU_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${CPU_PROFILE_DIR}`] : [],
    logDir: join(tmpdir(), 'medmentor-bench'),
    env: {
      MONGODB_URI: counter?.uri ?? mongoUri(),
      MONGODB_DATABASE: database,
      KAFKA_BROKERS: kafkaBrokers().join(','),
      KAFKA_GROUP_ID: uniqueName('bench-scheduling'),
      AUTH_PUBLIC_KEY: keys.publicKeyPem,
      AUTH_ISSUER: 'bench',
      AUTH_AUDIENCE: 'bench',
      LOG_LEVEL: 'warn',
      SCHEDULING_TIMERS_ENABLED: 'false',
      SCHEDULING_HORIZON_DAYS: '100',
      KAFKA_TOPIC_PARTITIONS: String(PARTITIONS),
      CONSUMER_PARTITIONS_CONCURRENCY: String(PARTITIONS),
      ...(KEYS_CONCURRENCY ? { CONSUMER_KEYS_CONCURRENCY: KEYS_CONCURRENCY } : {}),
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
  const watcher = kafka.consumer({ groupId: uniqueName('bench-scheduling-watcher') });
  try {
    service.start();
    await service.waitReady();
    await producer.connect();
    await watcher.connect();
    const send = eventSender(producer, TENANT);
    const programId = uniqueName('bench-program');
    await send('medmentor.profiles.program.published', [benchProgram(programId, TENANT)]);
    const { mentors, pairs } = schedulingFixtures(MATCHES);
    await send('medmentor.profiles.physician.registered', [
      ...mentors.map(registered),
      ...pairs.map(({ mentee }) => registered(mentee)),
    ]);
    await waitFor(
      async () =>
        (await db.collection('physicians').countDocuments({ tenantId: TENANT })) ===
        mentors.length + MATCHES,
      { timeoutMs: 600_000, intervalMs: 500, description: 'the physicians read model' },
    );
    const matches = pairs.map(({ mentee, mentor }, i) => ({
      matchId: `match-${i}`,
      tenantId: TENANT,
      programId,
      role: 'career' as const,
      menteeId: mentee.physicianId,
      mentorId: mentor.physicianId,
      menteeEnrollmentId: `en-${mentee.physicianId}`,
      mentorEnrollmentId: `en-${mentor.physicianId}`,
      origin: 'run' as const,
      version: 2,
      at: ACTIVATED_AT,
    }));
    // The outcome of each match as it reaches Kafka: its kickoff scheduled or no common slot.
    const outcomes = new Map<string, 'kickoff' | 'no-common-slot'>();
    let scheduledEvents = 0;
    const scheduledIds = new Set<string>();
    let lastEventAt = 0;
    await watcher.subscribe({
      topics: [Topics.SchedulingMeeting, Topics.SchedulingRelationship],
      fromBeginning: true,
    });
    await watcher.run({
      eachMessage: async ({ message }) => {
        const event = JSON.parse(message.value?.toString() ?? '{}') as {
          type?: string;
          tenantid?: string;
          data?: { matchId?: string; meetingId?: string; kind?: string };
        };
        if (event.tenantid !== TENANT || !event.data?.matchId) return;
        lastEventAt = performance.now();
        if (event.type === 'medmentor.scheduling.meeting.scheduled') {
          scheduledEvents += 1;
          if (event.data.meetingId) scheduledIds.add(event.data.meetingId);
          if (event.data.kind === 'kickoff') outcomes.set(event.data.matchId, 'kickoff');
        } else if (event.type === 'medmentor.scheduling.slot.not-found') {
          outcomes.set(event.data.matchId, 'no-common-slot');
        }
      },
    });
    counter?.counts.clear();
    const started = performance.now();
    await send('medmentor.matching.match.activated', matches);
    const sent = performance.now() - started;
    await waitFor(async () => outcomes.size === MATCHES, {
      timeoutMs: 3_600_000,
      intervalMs: 200,
      description: 'every match planned, its outcome on Kafka',
    });
    const planned = performance.now() - started;
    const meetings = await db.collection('meetings').countDocuments();
    await waitFor(async () => scheduledEvents >= meetings, {
      timeoutMs: 600_000,
      intervalMs: 200,
      description: 'every meeting.scheduled event on Kafka',
    });
    const drained = lastEventAt - started;
    const noSlot = [...outcomes.values()].filter((o) => o === 'no-common-slot').length;
    const [load1] = loadavg();
    heading(
      `${MATCHES} activated matches through Kafka (${mentors.length} mentors of capacity 1-3, ${ZONES.length} zones, monthly × 6 then quarterly, ${PARTITIONS} partitions)`,
    );
    row('activation events produced', `${(sent / 1000).toFixed(1)} s`);
    row('every outcome on Kafka', `${(planned / 1000).toFixed(1)} s`);
    row('every meeting.scheduled on Kafka', `${(drained / 1000).toFixed(1)} s`);
    row('kickoffs / no common slot', `${MATCHES - noSlot} / ${noSlot}`);
    row('meetings stored (= events)', `${meetings} (${scheduledEvents} events)`);
    row('meeting.scheduled events repeated', String(scheduledEvents - scheduledIds.size));
    row('meetings overlapping one of the same physician', String(await overlaps(db)));
    row('throughput', `${Math.round(MATCHES / (drained / 1000))} matches/s`);
    row('load average (1 min) at the end', load1.toFixed(1));
    if (counter) printCommandCounts(counter.counts, MATCHES, 'activation');
  } finally {
    await watcher.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await service.stop().catch(() => undefined);
    await db.dropDatabase().catch(() => undefined);
    await mongo.close();
    counter?.close();
  }
};

void main();
