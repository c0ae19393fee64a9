/**
 * Fault tolerance under kill -9: the four built services (dist/) as processes on the tools/infra
 * Kafka, MongoDB-wire and SMTP servers, a flow of activated matches through scheduling and
 * notifications (and profiles' analytics, and matching's read model), and a seeded chaos
 * schedule: every service SIGKILLed and restarted, the broker and the database stopped and
 * started once, invalid messages injected. Then it waits until everything settled and checks
 * that nothing was lost, nothing done twice, every invalid message dead-lettered and no
 * consumer stuck; prints the counts; exits 1 if a check failed.
 *
 *   npm run chaos -- [--matches 2000] [--seed <n>] [--rate 10] [--port 3601] [--kills 2]
 *       [--invalid 100] [--timeout 900]
 *
 * Without KAFKA_BROKERS/MONGODB_URI it runs itself inside `tools/infra with`.
 */
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { createEvent, type EventPayload, type ServiceName } from '@medmentor/contracts';
import { infraControl, waitFor } from '@medmentor/testing';
import { ensureBuilt, ensureInfra, option } from '../bench/profiles-service';
import {
  benchProgram,
  benchTenant,
  eventSender,
  registeredPhysician,
  schedulingFixtures,
  type BenchPhysician,
} from '../bench/scheduling-fixtures';
import {
  chaosPlan,
  describeAction,
  INVALID_ID_HEADER,
  invalidMessages,
  type ChaosAction,
  type Meter,
} from './chaos-plan';
import { ChaosStack } from './chaos-stack';
import { Observer } from './observe';
import { formatVerdict, verdict, type Verdict } from './verdict';

const started = Date.now();
/**
 * notifications' DISPATCH_CONCURRENCY (its default, which the run does not change): the lanes
 * of a dispatch pass, each with at most one mail accepted but not yet recorded as sent.
 */
const DISPATCH_CONCURRENCY = 20;
const log = (text: string) =>
  process.stdout.write(`[${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${text}\n`);

/** Sends prepared messages until the broker takes them (it may be down for a while). */
const sendUntilAccepted = (
  producer: Producer,
  topic: string,
  messages: { key: string; value: string; headers?: Record<string, string> }[],
) =>
  waitFor(() => producer.send({ topic, acks: -1, messages }).then(() => true), {
    timeoutMs: 300_000,
    intervalMs: 500,
    description: `the broker to take ${messages.length} messages for ${topic}`,
  });

/**
 * The run's physicians: the scheduling benchmarks' mentors and mentees, each mentee living in
 * its mentor's zone with the same week, so every pair has a common slot (a pair without one
 * gets a notice instead of a kickoff, which this run does not want to mix in).
 */
const fixtures = (matches: number, run: string) => {
  const { mentors, pairs } = schedulingFixtures(matches);
  const named = (p: BenchPhysician): BenchPhysician => ({
    ...p,
    physicianId: `${run}-${p.physicianId}`,
  });
  return {
    mentors: mentors.map(named),
    pairs: pairs.map(({ mentor, mentee }) => ({
      mentor: named(mentor),
      mentee: named({ ...mentee, timeZone: mentor.timeZone, availability: mentor.availability }),
    })),
  };
};

async function main(): Promise<void> {
  ensureInfra();
  ensureBuilt();
  const matches = option('--matches', 2000);
  const seed = option('--seed', Date.now() % 2_147_483_647);
  const rate = option('--rate', 10);
  const basePort = option('--port', 3601);
  const timeoutMs = option('--timeout', 900) * 1000;
  const plan = chaosPlan(seed, {
    killsPerService: option('--kills', 2),
    invalidMessages: option('--invalid', 100),
    injectBursts: 4,
  });
  const run = `chaos-${seed}-${Date.now().toString(36)}`;
  const tenantId = run;
  const programId = `${run}-program`;
  log(`chaos run ${run}: --seed ${seed} --matches ${matches} --rate ${rate}`);
  for (const action of plan) log(`  planned: ${describeAction(action)}`);

  const stack = await ChaosStack.create(run, basePort);
  const kafka = new Kafka({
    clientId: 'chaos',
    brokers: process.env['KAFKA_BROKERS']!.split(','),
    logLevel: logLevel.NOTHING,
  });
  const producer = kafka.producer({ allowAutoTopicCreation: false });
  const admin = kafka.admin();
  const mongo = new MongoClient(process.env['MONGODB_URI']!);
  let observer: Observer | undefined;
  let result: Verdict | undefined;
  for (const signal of ['SIGINT', 'SIGTERM'] as const)
    process.once(signal, () => void stack.stop().finally(() => process.exit(130)));
  try {
    await stack.start();
    log(`services ready (logs in ${stack.logDir})`);
    await Promise.all([producer.connect(), admin.connect(), mongo.connect()]);

    // Fixtures (not timed, no chaos yet): tenant, program, physicians in every read model.
    const send = eventSender(producer, tenantId);
    const { mentors, pairs } = fixtures(matches, run);
    await send('medmentor.profiles.tenant.registered', [benchTenant(tenantId, 'Chaos Health')]);
    await send('medmentor.profiles.program.published', [
      {
        ...benchProgram(programId, tenantId),
        name: 'Chaos mentoring',
        cadence: [{ every: 'quarter' }],
        reminderOffsetsMinutes: [60],
      },
    ]);
    const people = [...mentors, ...pairs.map((p) => p.mentee)];
    await send(
      'medmentor.profiles.physician.registered',
      people.map((p) => registeredPhysician(p, tenantId)),
    );
    const count = (db: ServiceName, collection: string) =>
      mongo.db(stack.databaseOf(db)).collection(collection).countDocuments({ tenantId });
    await waitFor(
      async () =>
        (await count('scheduling', 'physicians')) === people.length &&
        (await count('matching', 'physician_facts')) === people.length &&
        (await count('notifications', 'contacts')) >= people.length,
      { timeoutMs: 900_000, intervalMs: 1000, description: 'the physicians in every read model' },
    );
    log(
      `fixtures: ${people.length} physicians in the read models of matching, scheduling, notifications`,
    );

    // The flow: activations at `rate` a second, with the mentors' profile updates between them
    // (matching, scheduling and notifications apply those), prepared once so a resend after an
    // outage carries the same event ids.
    const activations = pairs.map(({ mentee, mentor }, i) =>
      createEvent(
        'medmentor.matching.match.activated',
        {
          matchId: `${run}-match-${i}`,
          tenantId,
          programId,
          role: 'career',
          menteeId: mentee.physicianId,
          mentorId: mentor.physicianId,
          menteeEnrollmentId: `en-${mentee.physicianId}`,
          mentorEnrollmentId: `en-${mentor.physicianId}`,
          origin: 'run',
          version: 2,
          at: new Date().toISOString(),
        } satisfies EventPayload<'medmentor.matching.match.activated'>,
        { tenantId, source: 'matching' },
      ),
    );
    const updates = mentors.map((m) =>
      createEvent(
        'medmentor.profiles.physician.updated',
        { ...registeredPhysician(m, tenantId), languages: ['en', 'es'], version: 2 },
        { tenantId, source: 'profiles' },
      ),
    );
    const updated = new Map(mentors.map((m) => [m.physicianId, 2]));
    const emailOf = (physicianId: string) => `${physicianId}@example.org`;
    const injections = invalidMessages(
      seed,
      run,
      plan.reduce((n, a) => n + (a.kind === 'inject' ? a.count : 0), 0),
    );
    observer = new Observer(stack, mongo, admin, {
      tenantId,
      activated: activations.map((e) => e.key),
      updated,
      invalid: injections,
      repeatBound:
        plan.filter((a) => a.kind === 'kill' && a.service === 'notifications').length *
        DISPATCH_CONCURRENCY,
      emailOf,
    });
    const watcher = observer;
    const flowStart = Date.now();
    const publishing = (async () => {
      const tickMs = 500;
      const perTick = Math.max(1, Math.round((rate * tickMs) / 1000));
      for (let i = 0; i < activations.length; i += perTick) {
        const tickStart = Date.now();
        const batch = activations.slice(i, i + perTick);
        await sendUntilAccepted(
          producer,
          batch[0].topic,
          batch.map((e) => ({ key: e.key, value: JSON.stringify(e.envelope) })),
        );
        const share = updates.slice(
          Math.floor((i * updates.length) / activations.length),
          Math.floor(((i + batch.length) * updates.length) / activations.length),
        );
        if (share.length > 0)
          await sendUntilAccepted(
            producer,
            share[0].topic,
            share.map((e) => ({ key: e.key, value: JSON.stringify(e.envelope) })),
          );
        await new Promise((resolve) =>
          setTimeout(resolve, Math.max(0, tickMs - (Date.now() - tickStart))),
        );
      }
      log(
        `flow: all ${activations.length} activations and ${updates.length} profile updates produced`,
      );
    })();

    // The chaos: each action once its meter reaches its moment, one after another.
    const meters: Record<Meter, () => Promise<number>> = {
      planned: async () => (await watcher.planned()) / matches,
      mailed: async () => (await watcher.mailed()) / (2 * matches),
    };
    let injected = 0;
    const perform = async (action: ChaosAction) => {
      switch (action.kind) {
        case 'kill':
          return stack.killAndRestart(action.service, action.downMs);
        case 'outage':
          await infraControl(action.target, 'stop');
          await new Promise((resolve) => setTimeout(resolve, action.downMs));
          return infraControl(action.target, 'start');
        case 'inject': {
          const burst = injections.slice(injected, injected + action.count);
          injected += burst.length;
          for (const m of burst)
            await sendUntilAccepted(producer, m.topic, [
              {
                key: m.key,
                value: m.value,
                headers: { [INVALID_ID_HEADER]: m.id, 'chaos-kind': m.kind },
              },
            ]);
        }
      }
    };
    for (const action of plan) {
      await waitFor(async () => (await meters[action.meter]()) >= action.at, {
        timeoutMs,
        intervalMs: 1000,
        description: `the ${action.meter} meter to reach ${(action.at * 100).toFixed(0)} %`,
      });
      const t = Date.now();
      await perform(action);
      log(`done: ${describeAction(action)} (${((Date.now() - t) / 1000).toFixed(1)} s)`);
    }
    await publishing;
    log('chaos done; waiting for the flow to settle');

    // Settle: first the cheap counts (every match planned, no email waiting), then every check,
    // less often: reading every record competes with the services for the one database.
    await observer.followDeadLetters();
    const settleStart = Date.now();
    await waitFor(
      async () => (await watcher.planned()) === matches && (await watcher.unsent()) === 0,
      { timeoutMs, intervalMs: 5000, description: 'every match planned and no email waiting' },
    ).catch(() => undefined);
    let lastReport = 0;
    await waitFor(
      async () => {
        result = verdict(await watcher.observe());
        if (Date.now() - lastReport > 30_000) {
          lastReport = Date.now();
          const open = result.rows.filter((r) => !r.ok);
          log(`settling: ${open.map((r) => `${r.check}: ${r.actual} / ${r.expected}`).join('; ')}`);
        }
        return result.ok;
      },
      {
        timeoutMs: Math.max(60_000, timeoutMs - (Date.now() - settleStart)),
        intervalMs: 15_000,
        description: 'every check to hold',
      },
    ).catch(() => undefined);
    result ??= verdict(await watcher.observe());
    const flowSeconds = ((settleStart - flowStart) / 1000).toFixed(0);
    process.stdout.write(`\n${formatVerdict(result)}\n`);
    log(
      `seed ${seed}, ${matches} matches: flow with chaos ${flowSeconds} s, settled after ${((Date.now() - settleStart) / 1000).toFixed(0)} s more`,
    );
    if (!result.ok)
      log(`replay with: npm run chaos -- --seed ${seed} --matches ${matches} --rate ${rate}`);
  } finally {
    await observer?.stop().catch(() => undefined);
    await producer.disconnect().catch(() => undefined);
    await admin.disconnect().catch(() => undefined);
    await stack.stop().catch(() => undefined);
    if (result?.ok)
      for (const name of ['profiles', 'matching', 'scheduling', 'notifications'] as const)
        await mongo
          .db(stack.databaseOf(name))
          .dropDatabase()
          .catch(() => undefined);
    await mongo.close().catch(() => undefined);
  }
  if (!result?.ok) process.exitCode = 1;
}

main().then(
  () => process.exit(process.exitCode ?? 0),
  (error: unknown) => {
    process.stderr.write(
      `${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    process.exit(1);
  },
);
