// N activated matches scheduled end to end through Kafka (target: 10,000 in < 60 s): the
// built scheduling service (dist/, `npm run build`) runs as a process on the local Kafka
// and MongoDB-wire servers; the benchmark publishes the profiles events first (not timed),
// then N `match.activated` events, and times, from its own consumer of scheduling's topics,
// until every match's outcome is on Kafka (its kickoff's `meeting.scheduled`, or
// `slot.not-found`) and until every stored meeting's `meeting.scheduled` is.
// Run inside tools/infra: npx tsx tools/infra/src/cli.ts with -- npx tsx tools/bench/scheduling-activations.bench.ts [--matches N] [--port P]
import { spawn, type ChildProcess } from 'node:child_process';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
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
import { heading, row } from './timing';

const argument = (name: string, fallback: number): number => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const MATCHES = argument('--matches', 10_000);
/** `--cpu-prof <dir>`: the service writes a V8 CPU profile there when it stops. */
const CPU_PROFILE_DIR = process.argv.includes('--cpu-prof')
  ? process.argv[process.argv.indexOf('--cpu-prof') + 1]
  : undefined;
const PORT = argument('--port', 13_903);
/** A tenant of its own: the service also reads every earlier event on the topics. */
const TENANT = uniqueName('bench-tenant');
const ACTIVATED_AT = '2026-03-02T12:00:00.000Z';
/** The service under `node --cpu-prof` (not allowed in NODE_OPTIONS, so spawned here). */
class ProfiledService extends ServiceProcess {
  private profiled: ChildProcess | undefined;

  override get running(): boolean {
    return this.profiled?.exitCode === null && this.profiled.signalCode === null;
  }

  override start(): void {
    this.profiled = spawn(
      process.execPath,
      [
        '--cpu-prof',
        `--cpu-prof-dir=${CPU_PROFILE_DIR}`,
        join(__dirname, '../../dist/apps/scheduling/src/main.js'),
      ],
      {
        env: { ...process.env, ...this.options.env, PORT: String(this.options.port) },
        stdio: 'inherit',
      },
    );
  }

  override async stop(): Promise<number | null> {
    const child = this.profiled;
    if (!child || !this.running) return child?.exitCode ?? null;
    const exited = new Promise<number | null>((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    return exited;
  }
}

/** The profiles event of a bench physician, in the bench's tenant. */
const registered = (p: BenchPhysician) => registeredPhysician(p, TENANT);

const main = async (): Promise<void> => {
  const database = uniqueName('bench_scheduling').replace(/-/g, '_');
  const keys = await generateDevKeyPair();
  const service = new (CPU_PROFILE_DIR ? ProfiledService : ServiceProcess)({
    name: 'scheduling',
    port: PORT,
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
          data?: { matchId?: string; kind?: string };
        };
        if (event.tenantid !== TENANT || !event.data?.matchId) return;
        lastEventAt = performance.now();
        if (event.type === 'medmentor.scheduling.meeting.scheduled') {
          scheduledEvents += 1;
          if (event.data.kind === 'kickoff') outcomes.set(event.data.matchId, 'kickoff');
        } else if (event.type === 'medmentor.scheduling.slot.not-found') {
          outcomes.set(event.data.matchId, 'no-common-slot');
        }
      },
    });
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
      `${MATCHES} activated matches through Kafka (${mentors.length} mentors of capacity 1-3, ${ZONES.length} zones, monthly × 6 then quarterly)`,
    );
    row('activation events produced', `${(sent / 1000).toFixed(1)} s`);
    row('every outcome on Kafka', `${(planned / 1000).toFixed(1)} s`);
    row('every meeting.scheduled on Kafka', `${(drained / 1000).toFixed(1)} s`);
    row('kickoffs / no common slot', `${MATCHES - noSlot} / ${noSlot}`);
    row('meetings stored (= events)', `${meetings} (${scheduledEvents} events)`);
    row('throughput', `${Math.round(MATCHES / (drained / 1000))} matches/s`);
    row('load average (1 min) at the end', load1.toFixed(1));
  } finally {
    await watcher.disconnect().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await service.stop().catch(() => undefined);
    await db.dropDatabase().catch(() => undefined);
    await mongo.close();
  }
};

void main();
