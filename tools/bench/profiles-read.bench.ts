/**
 * Read throughput of `GET /api/v1/physicians/:id` on the real profiles service under concurrent
 * load (autocannon), beside a bare Fastify server answering a similar JSON document, in the
 * same run and on the same machine (target: profiles >= 50% of bare Fastify's requests/s).
 * Not a test: it prints figures.
 *
 * Run: npx tsx tools/bench/profiles-read.bench.ts [--profiles 1000] [--rounds 3]
 *      [--duration 10] [--connections 20] [--port 3501] [--build] [--dist DIR]
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import autocannon from 'autocannon';
import { MongoClient } from 'mongodb';
import { physicianCsv } from './physician-csv';
import {
  ensureBuilt,
  ensureInfra,
  option,
  startProfiles,
  type BenchProfiles,
} from './profiles-service';
import { heading, row } from './timing';

const profileCount = option('--profiles', 1000);
const rounds = option('--rounds', 3);
const duration = option('--duration', 10);
const connections = option('--connections', 20);
const port = option('--port', 3501);
const barePort = port + 1;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

interface Load {
  rps: number;
  p50: number;
  p99: number;
  failures: number;
}

const load = async (url: string, headers: Record<string, string> = {}): Promise<Load> => {
  const result = await autocannon({ url, connections, duration, headers });
  return {
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    failures: result.non2xx + result.errors + result.timeouts,
  };
};

const describe = (l: Load): string =>
  `${Math.round(l.rps).toLocaleString('en-US')} req/s, p50 ${l.p50} ms, p99 ${l.p99} ms${l.failures > 0 ? `, ${l.failures} failures` : ''}`;

/** Imports the generated physicians and waits until their events are published. */
const seed = async (profiles: BenchProfiles, token: string): Promise<string> => {
  const { _id } = await profiles.call<{ _id: string }>(
    'POST',
    '/api/v1/imports/physicians/csv',
    token,
    physicianCsv(profileCount, 7, 'read.example.org'),
    'text/csv',
  );
  for (;;) {
    await sleep(500);
    const job = await profiles.call<{ status: string; error?: string }>(
      'GET',
      `/api/v1/imports/${_id}`,
      token,
    );
    if (job.status === 'completed') break;
    if (job.status === 'failed') throw new Error(`seeding failed: ${job.error}`);
  }
  const client = await new MongoClient(process.env['MONGODB_URI']!).connect();
  const physicians = client.db(profiles.database).collection<{ _id: string }>('physicians');
  while ((await physicians.countDocuments({ _outboxPending: true })) > 0) await sleep(1000);
  const middle = await physicians
    .find({}, { projection: { _id: 1 } })
    .skip(profileCount >> 1)
    .limit(1)
    .toArray();
  await client.close();
  return middle[0]._id;
};

const startBare = async (document: unknown): Promise<ChildProcess> => {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', join(__dirname, 'bare-fastify-server.ts'), String(barePort)],
    {
      env: { ...process.env, BENCH_DOCUMENT: JSON.stringify(document) },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  await new Promise<void>((resolve, reject) => {
    child.stdout?.once('data', () => resolve());
    child.once('exit', (code) => reject(new Error(`bare Fastify exited with ${code}`)));
  });
  return child;
};

const main = async (): Promise<void> => {
  ensureBuilt();
  heading(
    `profiles read: GET /api/v1/physicians/:id, ${profileCount} profiles stored, ${connections} connections, ${duration} s per run (${process.env['MONGODB_URI']})`,
  );
  const profiles = await startProfiles(port);
  let bare: ChildProcess | undefined;
  try {
    const admin = await profiles.token(['org-admin'], profiles.tenantId);
    const id = await seed(profiles, admin);
    const path = `/api/v1/physicians/${id}`;
    const document = await profiles.call<Record<string, unknown>>('GET', path, admin);
    row('response', `${JSON.stringify(document).length} bytes of JSON (admin view)`);
    bare = await startBare(document);
    const headers = { authorization: `Bearer ${admin}` };
    // Warm both up (JIT, connection pools) before measuring.
    await autocannon({ url: `${profiles.url}${path}`, connections, duration: 2, headers });
    await autocannon({
      url: `http://127.0.0.1:${barePort}${path.replace('/api/v1', '')}`,
      connections,
      duration: 2,
    });
    const ratios: number[] = [];
    for (let round = 1; round <= rounds; round++) {
      heading(`round ${round}`);
      const baseline = await load(`http://127.0.0.1:${barePort}/physicians/${id}`);
      row('bare Fastify', describe(baseline));
      const service = await load(`${profiles.url}${path}`, headers);
      row('profiles GET /api/v1/physicians/:id', describe(service));
      ratios.push(service.rps / baseline.rps);
      row('profiles / bare Fastify', `${(100 * ratios[ratios.length - 1]).toFixed(1)}%`);
    }
    heading('summary');
    row(
      'profiles / bare Fastify, per round',
      ratios.map((r) => `${(100 * r).toFixed(1)}%`).join(', '),
    );
  } finally {
    bare?.kill();
    await profiles.stop();
  }
};

ensureInfra();
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
