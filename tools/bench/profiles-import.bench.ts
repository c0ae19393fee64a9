/**
 * CSV import of generated physicians through the real profiles service (target for 50,000:
 * < 30 s), then the same file again (every row unchanged, no event). Prints rows/s and how long
 * until every registered event is on Kafka. Not a test: it prints figures.
 *
 * Run: npx tsx tools/bench/profiles-import.bench.ts [--rows 50000] [--port 3501] [--build] [--dist DIR]
 *      [--publish-timeout 600]
 */
import { Kafka, logLevel } from 'kafkajs';
import { MongoClient } from 'mongodb';
import { Topics } from '@medmentor/contracts';
import { physicianCsv } from './physician-csv';
import {
  ensureBuilt,
  ensureInfra,
  option,
  startProfiles,
  type BenchProfiles,
} from './profiles-service';
import { heading, row } from './timing';

interface Job {
  _id: string;
  status: 'running' | 'completed' | 'failed';
  counts: { read: number; created: number; updated: number; unchanged: number; rejected: number };
  error?: string;
}

const rows = option('--rows', 50_000);
const port = option('--port', 3501);
const publishTimeoutMs = option('--publish-timeout', 600) * 1000;

const seconds = (ms: number): string => `${(ms / 1000).toFixed(1)} s`;
const perSecond = (count: number, ms: number): string =>
  `${Math.round(count / (ms / 1000)).toLocaleString('en-US')}/s`;
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Messages on the physician topic so far (sum of the partitions' end offsets). */
const topicEnd = async (admin: ReturnType<Kafka['admin']>): Promise<number> =>
  (await admin.fetchTopicOffsets(Topics.ProfilesPhysician)).reduce(
    (sum, partition) => sum + Number(partition.high),
    0,
  );

/** Uploads the file and polls the import until it ends, printing progress. */
const runImport = async (
  profiles: BenchProfiles,
  token: string,
  csv: string,
  published: () => Promise<number>,
): Promise<{ job: Job; ms: number }> => {
  const started = performance.now();
  const { _id } = await profiles.call<Job>(
    'POST',
    '/api/v1/imports/physicians/csv',
    token,
    csv,
    'text/csv',
  );
  let lastPrint = started;
  for (;;) {
    await sleep(250);
    const job = await profiles.call<Job>('GET', `/api/v1/imports/${_id}`, token);
    const now = performance.now();
    if (job.status !== 'running') return { job, ms: now - started };
    if (now - lastPrint > 5000) {
      lastPrint = now;
      const c = job.counts;
      row(
        `  ${seconds(now - started)}`,
        `read ${c.read}, created ${c.created}, unchanged ${c.unchanged}, published ${await published()}`,
      );
    }
  }
};

const main = async (): Promise<void> => {
  ensureBuilt();
  const csv = physicianCsv(rows);
  heading(
    `profiles CSV import: ${rows.toLocaleString('en-US')} physicians, ${(csv.length / 1e6).toFixed(1)} MB (service on :${port}, ${process.env['MONGODB_URI']})`,
  );
  const profiles = await startProfiles(port);
  const kafka = new Kafka({
    brokers: process.env['KAFKA_BROKERS']!.split(','),
    logLevel: logLevel.NOTHING,
  });
  const admin = kafka.admin();
  await admin.connect();
  try {
    const token = await profiles.token(['org-admin'], profiles.tenantId);
    const before = await topicEnd(admin);
    const published = async () => (await topicEnd(admin)) - before;
    const t0 = performance.now();

    heading('first run (every row new)');
    const first = await runImport(profiles, token, csv, published);
    const c = first.job.counts;
    row('status', `${first.job.status}${first.job.error ? `: ${first.job.error}` : ''}`);
    row(
      'counts',
      `read ${c.read}, created ${c.created}, updated ${c.updated}, unchanged ${c.unchanged}, rejected ${c.rejected}`,
    );
    row('import finished after', seconds(first.ms));
    row('rows/s', perSecond(c.read, first.ms));

    const expected = c.created + c.updated;
    let sent = await published();
    while (sent < expected && performance.now() - t0 < publishTimeoutMs) {
      await sleep(500);
      sent = await published();
    }
    const publishMs = performance.now() - t0;
    if (sent >= expected) {
      row('all events published after', `${seconds(publishMs)} (${sent} events)`);
      row('events/s (from upload to last event)', perSecond(sent, publishMs));
    } else {
      row('NOT all events published', `${sent} of ${expected} after ${seconds(publishMs)}`);
    }

    heading('second run (same file: every row unchanged)');
    const second = await runImport(profiles, token, csv, published);
    const c2 = second.job.counts;
    row(
      'counts',
      `read ${c2.read}, created ${c2.created}, updated ${c2.updated}, unchanged ${c2.unchanged}, rejected ${c2.rejected}`,
    );
    row('import finished after', seconds(second.ms));
    row('rows/s', perSecond(c2.read, second.ms));
    await sleep(1000);
    row('events published by the second run', String((await published()) - sent));

    const client = await new MongoClient(process.env['MONGODB_URI']!).connect();
    const pending = await client
      .db(profiles.database)
      .collection('physicians')
      .countDocuments({ _outboxPending: true });
    await client.close();
    row('documents with pending events at the end', String(pending));
  } finally {
    await admin.disconnect();
    await profiles.stop();
  }
};

ensureInfra();
main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
