import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import type { Db, MongoClient } from 'mongodb';
import { mongoUri, uniqueName, waitFor } from '@medmentor/testing';
import type { ProcessedEventRecord } from '../src/consumer/processed-events';
import type { KafkaConnection } from '../src/kafka/kafka-connection';
import {
  connectProducer,
  consumerChildArgs,
  keyedPing,
  type ChildOptions,
  TOPIC,
  type Applied,
  type KeyLog,
} from './consumer-harness';
import { connectDb } from './outbox-harness';

const root = join(__dirname, '../../..');
const PARTITIONS = 3;
/** Keys per partition: a partition runs this many handlers at once (the limit, 8, is above). */
const KEYS_PER_PARTITION = 4;
const KEYS = PARTITIONS * KEYS_PER_PARTITION;
/**
 * Handlers slower than a rebalance takes to hand a partition over, so one still running when
 * its partition moved would be applied again by the new owner; a partition's batch of
 * BEFORE events per key takes well over ten seconds.
 */
const PACE: ChildOptions = { minDelayMs: 800, maxDelayMs: 1_500 };
/** Events per key sent before the rebalance, and after it. */
const BEFORE = 12;
const AFTER = 2;

type Ping = ReturnType<typeof keyedPing> & { partition: number };

/** Events `from`..`to - 1` of every key, key k on partition k % 3, interleaved as a busy topic holds them. */
const wave = (tenantId: string, from: number, to: number): Ping[] => {
  const events: Ping[] = [];
  for (let seq = from; seq < to; seq += 1)
    for (let k = 0; k < KEYS; k += 1)
      events.push({
        ...keyedPing(tenantId, `k${k}`, seq, k % PARTITIONS),
        partition: k % PARTITIONS,
      });
  return events;
};

interface Member {
  name: string;
  child: ChildProcess;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Resolves once the child printed this line; rejects if it exits first. */
  said(line: string): Promise<void>;
}

describe('EventConsumer: a consumer-group rebalance in the middle of a batch (real broker and MongoDB-wire server, members in child processes)', () => {
  let client: MongoClient;
  let db: Db;
  let dbName: string;
  let producer: KafkaConnection;
  const members: Member[] = [];

  beforeAll(async () => {
    dbName = uniqueName('it-rebalance');
    ({ client, db } = await connectDb(mongoUri(), dbName));
    producer = await connectProducer();
  });

  afterEach(async () => {
    // A member a test left running (it failed half-way) is killed; its group is the test's own.
    for (const member of members.splice(0)) {
      if (member.child.exitCode === null && member.child.signalCode === null) {
        member.child.kill('SIGKILL');
        await member.exit;
      }
    }
  });

  afterAll(async () => {
    await producer.disconnect();
    await db.dropDatabase().catch(() => undefined);
    await client.close();
  });

  const spawnMember = (
    name: string,
    tenantId: string,
    groupId: string,
    options: ChildOptions,
  ): Member => {
    const child = spawn(
      process.execPath,
      consumerChildArgs(dbName, tenantId, groupId, { member: name, ...options }),
      { cwd: root, stdio: ['pipe', 'pipe', 'inherit'] },
    );
    const lines: string[] = [];
    const listeners: (() => void)[] = [];
    createInterface({ input: child.stdout }).on('line', (line) => {
      lines.push(line);
      for (const listener of listeners) listener();
    });
    const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) =>
      child.once('exit', (code, signal) => resolve({ code, signal })),
    );
    const said = (line: string) =>
      new Promise<void>((resolve, reject) => {
        const check = () => lines.includes(line) && resolve();
        listeners.push(check);
        check();
        void exit.then(({ code, signal }) =>
          reject(new Error(`member ${name} exited (${code ?? signal}) before saying "${line}"`)),
        );
      });
    const member = { name, child, exit, said };
    members.push(member);
    return member;
  };

  const send = async (events: Ping[]) => {
    await producer.producer.send({ topic: TOPIC, messages: events.map((e) => e.message) });
  };

  const appliedOf = (ids: string[]) =>
    db
      .collection<Applied>('applied_events')
      .find({ _id: { $in: ids } })
      .toArray();

  const appliedCount = (ids: string[], member?: string) =>
    db
      .collection<Applied>('applied_events')
      .countDocuments({ _id: { $in: ids }, ...(member ? { members: member } : {}) });

  const allApplied = (ids: string[], description: string) =>
    waitFor(async () => ((await appliedCount(ids)) === ids.length ? true : undefined), {
      timeoutMs: 180_000,
      intervalMs: 250,
      description,
    });

  /** A marker on every partition, applied: the batches that follow hold only what the test sends. */
  const caughtUp = async (tenantId: string) => {
    const markers = Array.from({ length: PARTITIONS }, (_, p) => ({
      ...keyedPing(tenantId, `marker${p}`, 0, p),
      partition: p,
    }));
    await send(markers);
    await allApplied(
      markers.map((m) => m.id),
      'the group to catch up on every partition',
    );
  };

  /** Every partition's committed offset at its end: no partition is left behind. */
  const committedToTheEnd = (groupId: string) =>
    waitFor(
      async () => {
        const ends = await producer.admin.fetchTopicOffsets(TOPIC);
        const [topic] = await producer.admin.fetchOffsets({ groupId, topics: [TOPIC] });
        return ends.every(
          (end) => topic.partitions.find((p) => p.partition === end.partition)?.offset === end.high,
        )
          ? true
          : undefined;
      },
      {
        timeoutMs: 60_000,
        intervalMs: 250,
        description: 'offsets committed to the end of every partition',
      },
    );

  /**
   * Exactly once: each event applied once by one member and recorded as processed; each key's
   * events applied in order, none twice, none missing.
   */
  const expectExactlyOnceInOrder = async (
    tenantId: string,
    groupId: string,
    events: Ping[],
    perKey: number,
  ) => {
    const ids = events.map((e) => e.id);
    const applied = await appliedOf(ids);
    expect(applied).toHaveLength(ids.length);
    expect(applied.filter((a) => a.applications !== 1 || a.members?.length !== 1)).toEqual([]);
    const records = await db
      .collection<ProcessedEventRecord>('processed_events')
      .countDocuments({ group: groupId, eventId: { $in: ids } });
    expect(records).toBe(ids.length);
    const logs = await db
      .collection<KeyLog>('key_logs')
      .find({ _id: { $regex: `^${tenantId}-k` } })
      .toArray();
    expect(logs).toHaveLength(KEYS);
    for (const log of logs)
      expect(log.applied).toEqual(Array.from({ length: perKey }, (_, n) => n));
  };

  /** Per partition, the members that applied its events among these. */
  const membersPerPartition = async (events: Ping[]) => {
    const byId = new Map((await appliedOf(events.map((e) => e.id))).map((a) => [a._id, a]));
    return Array.from({ length: PARTITIONS }, (_, p) =>
      [
        ...new Set(
          events.filter((e) => e.partition === p).flatMap((e) => byId.get(e.id)?.members ?? []),
        ),
      ].sort(),
    );
  };

  /**
   * Once the events sent before the change of members are all applied: a partition of theirs
   * moved mid-batch (the member that finished it is not the one that started it). Then a few
   * more events per key are sent and applied, proving no partition is stuck, and every event,
   * before and after, was applied once and in order, with every partition committed to its
   * end. Answers, per partition, the members that applied the events sent after.
   */
  const handedOverThenMoreApplied = async (tenantId: string, groupId: string, before: Ping[]) => {
    await allApplied(
      before.map((e) => e.id),
      'the events sent before',
    );
    const handedOver = (await membersPerPartition(before)).filter((names) => names.length === 2);
    expect(handedOver.length).toBeGreaterThanOrEqual(1);
    const after = wave(tenantId, BEFORE, BEFORE + AFTER);
    await send(after);
    await allApplied(
      after.map((e) => e.id),
      'the events sent after',
    );
    await expectExactlyOnceInOrder(tenantId, groupId, [...before, ...after], BEFORE + AFTER);
    await committedToTheEnd(groupId);
    return membersPerPartition(after);
  };

  it('a second member joining while the first is mid-batch: each event applied once, in order per key, and both members consume afterwards', async () => {
    const tenantId = uniqueName('tenant');
    const groupId = uniqueName('it-group');
    const first = spawnMember('A', tenantId, groupId, PACE);
    const second = spawnMember('B', tenantId, groupId, { ...PACE, waitForGo: true });
    await Promise.all([first.said('ready'), second.said('waiting')]);
    await caughtUp(tenantId);

    const before = wave(tenantId, 0, BEFORE);
    const beforeIds = before.map((e) => e.id);
    await send(before);
    await waitFor(async () => ((await appliedCount(beforeIds, 'A')) >= KEYS ? true : undefined), {
      timeoutMs: 120_000,
      intervalMs: 100,
      description: 'the first member to be well into its batches',
    });
    second.child.stdin!.write('go\n');
    // The second member's join completes only once the first has rejoined, i.e. after the rebalance.
    await second.said('ready');
    expect(await appliedCount(beforeIds)).toBeLessThan(beforeIds.length);
    // Each event once and in order; after the rebalance both members have a share.
    const afterMembers = await handedOverThenMoreApplied(tenantId, groupId, before);
    expect(new Set(afterMembers.flat())).toEqual(new Set(['A', 'B']));
    expect(afterMembers.every((names) => names.length === 1)).toBe(true);

    first.child.kill('SIGTERM');
    second.child.kill('SIGTERM');
    expect(await first.exit).toEqual({ code: 0, signal: null });
    expect(await second.exit).toEqual({ code: 0, signal: null });
  }, 420_000);

  it('a member stopped gracefully (SIGTERM) mid-batch: its running handlers finish and are recorded, the other member takes its partitions, each event applied once and in order', async () => {
    const tenantId = uniqueName('tenant');
    const groupId = uniqueName('it-group');
    const leaving = spawnMember('A', tenantId, groupId, PACE);
    await leaving.said('ready');
    const staying = spawnMember('B', tenantId, groupId, PACE);
    await staying.said('ready');
    await caughtUp(tenantId);

    const before = wave(tenantId, 0, BEFORE);
    const beforeIds = before.map((e) => e.id);
    await send(before);
    await waitFor(
      async () =>
        (await appliedCount(beforeIds, 'A')) >= KEYS_PER_PARTITION &&
        (await appliedCount(beforeIds, 'B')) >= KEYS_PER_PARTITION
          ? true
          : undefined,
      {
        timeoutMs: 120_000,
        intervalMs: 100,
        description: 'both members to be well into their batches',
      },
    );
    leaving.child.kill('SIGTERM');
    expect(await leaving.exit).toEqual({ code: 0, signal: null });
    expect(await appliedCount(beforeIds)).toBeLessThan(beforeIds.length);
    // Everything the leaving member applied, it recorded before it left the group.
    const appliedByA = (await appliedOf(beforeIds))
      .filter((a) => a.members?.includes('A'))
      .map((a) => a._id);
    expect(
      await db
        .collection<ProcessedEventRecord>('processed_events')
        .countDocuments({ group: groupId, eventId: { $in: appliedByA } }),
    ).toBe(appliedByA.length);

    // Each event once and in order; the member that stayed now consumes every partition.
    expect(await handedOverThenMoreApplied(tenantId, groupId, before)).toEqual([
      ['B'],
      ['B'],
      ['B'],
    ]);

    staying.child.kill('SIGTERM');
    expect(await staying.exit).toEqual({ code: 0, signal: null });
  }, 420_000);
});
