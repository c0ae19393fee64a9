import { createServer } from 'node:net';
import { join } from 'node:path';
import { AssignerProtocol, Kafka, logLevel, type Admin } from 'kafkajs';
import { generateDevKeyPair, signDevToken } from '@medmentor/auth';
import { allTopics, Topics } from '@medmentor/contracts';
import {
  kafkaBrokers,
  mongoUri,
  ServiceProcess,
  uniqueName,
  waitFor,
  type ServiceName,
} from '@medmentor/testing';
import { api } from './stack';

const ISSUER = 'medmentor-e2e';
const AUDIENCE = 'medmentor-api';
const TOPIC = Topics.DiagnosticsPing;

const freePort = (): Promise<number> =>
  new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });

/** Partitions of the topic each member of the group holds. */
const assignments = async (admin: Admin, group: string): Promise<number[][]> => {
  const [description] = (await admin.describeGroups([group])).groups;
  if (!description || description.state !== 'Stable') return [];
  return description.members.map((member) => {
    const assignment = AssignerProtocol.MemberAssignment.decode(member.memberAssignment);
    return [...(assignment?.assignment[TOPIC] ?? [])].sort();
  });
};

const appliedCount = async (service: ServiceProcess): Promise<number> => {
  const text = await (await fetch(`${service.url}/metrics`)).text();
  const line = text
    .split('\n')
    .find(
      (l) =>
        l.startsWith('medmentor_events_processed_total{') &&
        l.includes(`topic="${TOPIC}"`) &&
        l.includes('result="applied"'),
    );
  return line ? Number(line.split(' ').pop()) : 0;
};

/**
 * Two replicas of notifications (real processes, one consumer group) share the partitions
 * of the ping topic; one is killed with SIGKILL and the other takes its partitions over.
 * Every ping is applied exactly once: none lost, none applied twice.
 */
describe('scale-out: two consuming replicas, one killed', () => {
  const runId = uniqueName('scale');
  const group = `medmentor-notifications-${runId}`;
  const logDir = join(__dirname, '../../../tmp/e2e-logs', runId);
  const keys = generateDevKeyPair();
  const kafka = new Kafka({ clientId: runId, brokers: kafkaBrokers(), logLevel: logLevel.NOTHING });
  const admin = kafka.admin();
  let profiles: ServiceProcess;
  let replicas: ServiceProcess[] = [];
  let token = '';
  const tenant = uniqueName('tenant');

  const env = async (name: ServiceName): Promise<Record<string, string>> => ({
    MONGODB_URI: mongoUri(),
    MONGODB_DATABASE: `${runId}_${name}`.replace(/-/g, '_'),
    KAFKA_BROKERS: kafkaBrokers().join(','),
    KAFKA_GROUP_ID: name === 'notifications' ? group : `medmentor-${name}-${runId}`,
    AUTH_PUBLIC_KEY: (await keys).publicKeyPem,
    AUTH_ISSUER: ISSUER,
    AUTH_AUDIENCE: AUDIENCE,
    LOG_LEVEL: 'info',
    OUTBOX_POLL_INTERVAL_MS: '100',
    // A killed replica's partitions move after the session time-out (the broker's minimum).
    CONSUMER_SESSION_TIMEOUT_MS: '6000',
  });

  const sendPings = async (count: number, label: string): Promise<string[]> => {
    const ids: string[] = [];
    for (let i = 0; i < count; i += 1) {
      const sent = await api(`${profiles.url}/api/v1/diagnostics/pings`, {
        method: 'POST',
        token,
        body: { message: `${label} ${i}` },
      });
      expect(sent.status).toBe(202);
      ids.push(sent.body.pingId as string);
    }
    return ids;
  };

  /** Waits until the replicas applied `count` pings in all (their metrics), then reads every receipt. */
  const receipts = async (
    reader: ServiceProcess,
    alive: readonly ServiceProcess[],
    count: number,
    ids: readonly string[],
  ) => {
    await waitFor(
      async () =>
        (await Promise.all(alive.map((r) => appliedCount(r)))).reduce((a, b) => a + b, 0) >= count,
      { timeoutMs: 60_000, intervalMs: 500, description: `${count} pings applied` },
    );
    const found = [];
    for (const id of ids) {
      const res = await api(`${reader.url}/api/v1/diagnostics/ping-receipts/${id}`, { token });
      expect({ id, status: res.status }).toEqual({ id, status: 200 });
      found.push(res.body);
    }
    return found;
  };

  beforeAll(async () => {
    await admin.connect();
    token = await signDevToken(
      (await keys).privateKeyPem,
      { subject: 'scale-e2e', tenantId: tenant, roles: ['org-admin'] },
      { issuer: ISSUER, audience: AUDIENCE, expiresIn: '1h' },
    );
    profiles = new ServiceProcess({
      name: 'profiles',
      port: await freePort(),
      logDir,
      env: await env('profiles'),
    });
    replicas = [
      new ServiceProcess({
        name: 'notifications',
        port: await freePort(),
        logDir: join(logDir, 'a'),
        env: await env('notifications'),
      }),
      new ServiceProcess({
        name: 'notifications',
        port: await freePort(),
        logDir: join(logDir, 'b'),
        env: await env('notifications'),
      }),
    ];
    // The new group starts at the end of every catalog topic: what earlier runs left on the
    // shared broker is not this test's work.
    await admin.createTopics({
      topics: allTopics().map((topic) => ({ topic, numPartitions: 3, replicationFactor: 1 })),
      waitForLeaders: true,
    });
    for (const topic of allTopics()) {
      // Explicit offsets: kafkajs' resetOffsets(latest) commits -1, which a consumer that
      // subscribes fromBeginning reads as "from the start".
      // A topic created moments ago (here or by an earlier suite) may still be electing its
      // leader: "not the leader for that topic-partition" is retried, not a failure.
      const ends = await waitFor(() => admin.fetchTopicOffsets(topic), {
        timeoutMs: 30_000,
        intervalMs: 250,
        description: `the end offsets of ${topic}`,
      });
      await admin.setOffsets({
        groupId: group,
        topic,
        partitions: ends.map((e) => ({ partition: e.partition, offset: e.high })),
      });
    }
    for (const service of [profiles, ...replicas]) service.start();
    await Promise.all([profiles, ...replicas].map((service) => service.waitReady()));
  }, 180_000);

  afterAll(async () => {
    await Promise.all([profiles, ...replicas].map((service) => service?.kill()));
    await admin.disconnect();
  });

  it('shares the partitions, and the survivor takes over a killed replica with nothing lost or applied twice', async () => {
    const partitions = (await admin.fetchTopicMetadata({ topics: [TOPIC] })).topics[0].partitions
      .length;
    expect(partitions).toBeGreaterThanOrEqual(2);

    // Both replicas hold partitions, together all of them.
    const shared = await waitFor(
      async () => {
        const held = await assignments(admin, group);
        return held.length === 2 && held.every((p) => p.length > 0) ? held : undefined;
      },
      { timeoutMs: 30_000, description: 'the group to spread the partitions over two members' },
    );
    expect(shared.flat().sort()).toEqual([...Array(partitions).keys()]);

    const before = await Promise.all(replicas.map((r) => appliedCount(r)));

    const first = await sendPings(30, 'shared');
    const firstReceipts = await receipts(replicas[0], replicas, 30, first);
    expect(firstReceipts.every((r) => r['applications'] === 1)).toBe(true);
    const after = await Promise.all(replicas.map((r) => appliedCount(r)));
    const work = after.map((count, i) => count - before[i]);
    // The work was shared, and each ping applied by exactly one replica.
    expect(work.every((n) => n > 0)).toBe(true);
    expect(work[0] + work[1]).toBe(30);

    // SIGKILL: no graceful leave, no commit; the group notices after the session time-out.
    const [survivor, victim] = replicas as [ServiceProcess, ServiceProcess];
    await victim.kill();
    const survivorBefore = await appliedCount(survivor);
    const second = await sendPings(30, 'after-kill');
    const secondReceipts = await receipts(survivor, [survivor], survivorBefore + 30, second);
    const held = await waitFor(
      async () => {
        const members = await assignments(admin, group);
        return members.length === 1 ? members[0] : undefined;
      },
      { timeoutMs: 30_000, description: 'the survivor to hold every partition' },
    );
    expect(held).toEqual([...Array(partitions).keys()]);

    // Nothing lost, nothing applied twice: one receipt per ping, each applied once.
    const all = [...firstReceipts, ...secondReceipts];
    expect(new Set(all.map((r) => r['pingId'])).size).toBe(60);
    expect(all.filter((r) => r['applications'] !== 1)).toEqual([]);
    expect(all.every((r) => r['tenantId'] === tenant)).toBe(true);
  });
});
