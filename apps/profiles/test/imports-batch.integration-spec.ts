import { Readable } from 'node:stream';
import type { Principal } from '@medmentor/auth';
import { Topics } from '@medmentor/contracts';
import { npiCheckDigit } from '@medmentor/domain';
import { DomainError } from '@medmentor/platform';
import { uniqueName, waitFor } from '@medmentor/testing';
import { parsePhysicianCsv } from '../src/imports/csv/parse-physician-csv';
import { ImportsModule } from '../src/imports/imports.module';
import { PhysicianImportBatch } from '../src/imports/physician-import-batch';
import type { ImportJob } from '../src/imports/schemas/import-job.schema';
import { PhysicianService } from '../src/physicians/physician.service';
import { PhysiciansModule } from '../src/physicians/physicians.module';
import { TenantsModule } from '../src/tenants/tenants.module';
import { EventLog, ProfilesTestApp, type Json } from './profiles-test-app';

let npiCounter = Math.floor(Math.random() * 1e7) + 5e7;
const newNpi = (): string => {
  npiCounter += 1;
  const first9 = `1${String(npiCounter % 1e8).padStart(8, '0')}`;
  return `${first9}${npiCheckDigit(first9)}`;
};

const HEADER =
  'given_name,family_name,email,npi,specialty,career_stage,time_zone,mentoring_capacity';
const REGISTERED = 'medmentor.profiles.physician.registered';
const UPDATED = 'medmentor.profiles.physician.updated';

interface Person {
  name: string;
  email: string;
  npi: string;
  capacity: number;
}

const line = (p: Person) =>
  `${p.name},Test,${p.email},${p.npi},surgery,senior,Europe/London,${p.capacity}`;
const csvOf = (people: Person[]) => [HEADER, ...people.map(line)].join('\n');

describe('physician imports in batches (real Kafka and MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let events: EventLog;
  let tenant: string;
  let admin: string;
  let principal: Principal;

  const person = (name: string, capacity = 1): Person => ({
    name,
    email: `${name.toLowerCase()}.${uniqueName('p')}@example.org`,
    npi: newNpi(),
    capacity,
  });

  /** Feeds a CSV to a batch writer; `stopAfter` rows simulates a process killed mid-import. */
  const runBatch = async (csv: string, batchSize: number, stopAfter?: number) => {
    const outcomes = new Map<number, string>();
    const batch = await PhysicianImportBatch.open(
      it$.app.get(PhysicianService),
      principal,
      [],
      {
        outcome: (at, outcome) => outcomes.set(at, outcome),
        rejected: (at, error) =>
          outcomes.set(
            at,
            `rejected:${(error as DomainError).errors?.map((e) => e.field).join(',') ?? ''}`,
          ),
      },
      batchSize,
    );
    let read = 0;
    for await (const row of parsePhysicianCsv(Readable.from([csv]))) {
      if (stopAfter !== undefined && read === stopAfter) return outcomes;
      read += 1;
      if (row.ok) await batch.add(row.line, row.input);
    }
    await batch.flush();
    return outcomes;
  };

  const stored = async (email: string) =>
    it$.connection
      .collection<{ _id: string; mentoringCapacity: number; version: number; givenName: string }>(
        'physicians',
      )
      .findOne({ tenantId: tenant, email });

  /** The event types about one profile once its outbox is drained, in order. */
  const eventTypes = async (email: string, expected: number) => {
    const doc = await stored(email);
    await it$.outboxDrained('physicians');
    const found = await events.waitFor(Topics.ProfilesPhysician, doc!._id, expected);
    return found.map((event) => event.type);
  };

  const importCsv = async (csv: string): Promise<Json<ImportJob>> => {
    const response = await it$.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/api/v1/imports/physicians/csv',
        headers: { authorization: `Bearer ${admin}`, 'content-type': 'text/csv' },
        payload: csv,
      });
    expect(response.statusCode).toBe(202);
    const { _id } = JSON.parse(response.body) as { _id: string };
    return waitFor(
      async () => {
        const reply = await it$.call<Json<ImportJob>>('GET', `/api/v1/imports/${_id}`, {
          token: admin,
        });
        return reply.body.status !== 'running' ? reply.body : undefined;
      },
      { timeoutMs: 60_000, description: `import ${_id} to finish` },
    );
  };

  beforeAll(async () => {
    it$ = await ProfilesTestApp.start([TenantsModule, PhysiciansModule, ImportsModule]);
    events = await EventLog.start([Topics.ProfilesPhysician]);
    const platformAdmin = await it$.token(undefined, ['platform-admin']);
    tenant = uniqueName('batch');
    const created = await it$.call('POST', '/api/v1/tenants', {
      token: platformAdmin,
      body: { id: tenant, name: 'Society', slug: uniqueName('soc'), kind: 'specialty-society' },
    });
    expect(created.status).toBe(201);
    admin = await it$.token(tenant, ['org-admin']);
    principal = {
      subject: 'it-import',
      roles: ['org-admin'],
      tenantId: tenant,
      tenantSource: 'token',
    };
  }, 120_000);

  afterAll(async () => {
    await events?.stop();
    await it$?.close();
  });

  it('handles the same person several times in one file as a row-by-row import would', async () => {
    const [ana, bo] = [person('Ana'), person('Bo')];
    const anaMore = { ...ana, capacity: 2 };
    const outcomes = await runBatch(
      csvOf([
        ana,
        bo,
        anaMore,
        anaMore,
        { ...person('Cy'), email: bo.email.toUpperCase(), npi: ana.npi },
        { ...bo, name: 'Bob' },
      ]),
      3,
    );
    expect([...outcomes.entries()].sort(([a], [b]) => a - b)).toEqual([
      [2, 'created'],
      [3, 'created'],
      [4, 'updated'],
      [5, 'unchanged'],
      // Matched to Ana by NPI, but Bo holds the email.
      [6, 'rejected:email'],
      [7, 'updated'],
    ]);
    expect(await stored(ana.email)).toMatchObject({ mentoringCapacity: 2, version: 2 });
    expect(await stored(bo.email)).toMatchObject({ givenName: 'Bob', version: 2 });
    expect(await eventTypes(ana.email, 2)).toEqual([REGISTERED, UPDATED]);
    expect(await eventTypes(bo.email, 2)).toEqual([REGISTERED, UPDATED]);
  });

  it('mixes new, changed and unchanged rows across batch boundaries', async () => {
    const first = Array.from({ length: 10 }, (_, i) => person(`First${i}`));
    expect([...(await runBatch(csvOf(first), 4)).values()]).toEqual(Array(10).fill('created'));

    const fresh = Array.from({ length: 5 }, (_, i) => person(`New${i}`));
    const second = first.flatMap((p, i) => [
      i % 3 === 2 ? { ...p, capacity: 4 } : p,
      ...(i % 2 === 0 ? [fresh[i / 2]] : []),
    ]);
    const outcomes = await runBatch(csvOf(second), 4);
    const tally = (kind: string) => [...outcomes.values()].filter((o) => o === kind).length;
    expect([tally('created'), tally('updated'), tally('unchanged')]).toEqual([5, 3, 7]);
    for (const [i, p] of first.entries()) {
      expect(await stored(p.email)).toMatchObject({
        mentoringCapacity: i % 3 === 2 ? 4 : 1,
        version: i % 3 === 2 ? 2 : 1,
      });
    }
    expect(await eventTypes(first[2].email, 2)).toEqual([REGISTERED, UPDATED]);
    expect(await eventTypes(first[0].email, 1)).toEqual([REGISTERED]);
    expect(await eventTypes(fresh[4].email, 1)).toEqual([REGISTERED]);
  });

  it('completes an import stopped midway when the file is run again, with one event per profile', async () => {
    const people = Array.from({ length: 12 }, (_, i) => person(`Part${i}`));
    const csv = csvOf(people);
    // A batch of five is written when the fifth row arrives; rows 6-8 were only planned.
    const partial = await runBatch(csv, 5, 8);
    expect([...partial.values()]).toEqual(Array(5).fill('created'));
    expect(await stored(people[5].email)).toBeNull();

    const report = await importCsv(csv);
    expect(report).toMatchObject({
      status: 'completed',
      counts: { read: 12, created: 7, updated: 0, unchanged: 5, rejected: 0 },
    });
    const again = await importCsv(csv);
    expect(again.counts).toMatchObject({ created: 0, updated: 0, unchanged: 12 });
    for (const p of people) expect(await eventTypes(p.email, 1)).toEqual([REGISTERED]);
    for (const p of people) {
      const doc = await stored(p.email);
      expect(events.about(Topics.ProfilesPhysician, doc!._id)).toHaveLength(1);
    }
  });

  it('redoes row by row a row whose email another writer took after the import started', async () => {
    const dee = person('Dee');
    const outcomes = new Map<number, string>();
    const batch = await PhysicianImportBatch.open(
      it$.app.get(PhysicianService),
      principal,
      [],
      {
        outcome: (at, outcome) => outcomes.set(at, outcome),
        rejected: (at) => outcomes.set(at, 'rejected'),
      },
      10,
    );
    const created = await it$.call('POST', '/api/v1/physicians', {
      token: admin,
      body: {
        givenName: 'Dee',
        familyName: 'Api',
        email: dee.email,
        npi: dee.npi,
        specialty: 'surgery',
        careerStage: { stage: 'senior' },
        timeZone: 'Europe/London',
      },
    });
    expect(created.status).toBe(201);
    for await (const row of parsePhysicianCsv(Readable.from([csvOf([dee])])))
      if (row.ok) await batch.add(row.line, row.input);
    await batch.flush();
    expect(outcomes.get(2)).toBe('updated');
    expect(await stored(dee.email)).toMatchObject({
      givenName: 'Dee',
      mentoringCapacity: 1,
      version: 2,
    });
    expect(await eventTypes(dee.email, 2)).toEqual([REGISTERED, UPDATED]);
  });
});
