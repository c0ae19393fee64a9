import { Topics } from '@medmentor/contracts';
import { npiCheckDigit } from '@medmentor/domain';
import { uniqueName, waitFor } from '@medmentor/testing';
import { ImportsModule } from '../src/imports/imports.module';
import type { ImportJob } from '../src/imports/schemas/import-job.schema';
import { PhysiciansModule } from '../src/physicians/physicians.module';
import { TenantsModule } from '../src/tenants/tenants.module';
import { EventLog, ProfilesTestApp, type Json, type PageBody } from './profiles-test-app';

type Job = Json<ImportJob>;

let npiCounter = Math.floor(Math.random() * 1e7) + 3e7;
const newNpi = (): string => {
  npiCounter += 1;
  const first9 = `1${String(npiCounter % 1e8).padStart(8, '0')}`;
  return `${first9}${npiCheckDigit(first9)}`;
};

const HEADER =
  'given_name,family_name,email,npi,specialty,career_stage,pgy,time_zone,interests,mentoring_capacity,availability';

describe('physician imports (real Kafka and MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let events: EventLog;
  let tenant: string;
  let admin: string;

  const upload = async (path: string, contentType: string, body: string, token = admin) => {
    const response = await it$.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: `/api/v1/imports/physicians/${path}`,
        headers: { authorization: `Bearer ${token}`, 'content-type': contentType },
        payload: body,
      });
    return {
      status: response.statusCode,
      body: JSON.parse(response.body) as Job & { errors?: unknown; code?: string },
    };
  };

  const finished = (importId: string): Promise<Job> =>
    waitFor(
      async () => {
        const reply = await it$.call<Job>('GET', `/api/v1/imports/${importId}`, { token: admin });
        return reply.body.status !== 'running' ? reply.body : undefined;
      },
      { timeoutMs: 60_000, description: `import ${importId} to finish` },
    );

  const listAll = async () =>
    (
      await it$.call<
        PageBody<{ id: string; email: string; mentoringCapacity: number; availability?: unknown }>
      >('GET', '/api/v1/physicians?limit=100', { token: admin })
    ).body.items;

  beforeAll(async () => {
    it$ = await ProfilesTestApp.start([TenantsModule, PhysiciansModule, ImportsModule]);
    events = await EventLog.start([Topics.ProfilesPhysician]);
    const platformAdmin = await it$.token(undefined, ['platform-admin']);
    tenant = uniqueName('system');
    const created = await it$.call('POST', '/api/v1/tenants', {
      token: platformAdmin,
      body: {
        id: tenant,
        name: 'Health system',
        slug: uniqueName('hs'),
        kind: 'specialty-society',
        timeZone: 'America/Chicago',
      },
    });
    expect(created.status).toBe(201);
    admin = await it$.token(tenant, ['org-admin']);
  }, 120_000);

  afterAll(async () => {
    await events?.stop();
    await it$?.close();
  });

  it('imports a CSV file, reports rejected rows with line and column, and is idempotent on re-run', async () => {
    const [npiA, npiB] = [newNpi(), newNpi()];
    const csv = [
      HEADER,
      `Ana,García,ana.${tenant}@example.org,${npiA},internal-medicine,resident,2,America/Chicago,research,0,`,
      `Bo,Li,bo.${tenant}@example.org,${npiB},surgery,senior,,Europe/London,leadership;education,3,tue 18:00-20:00;sat 09:00-12:00`,
      `Cy,Ng,cy.${tenant}@example.org,1234567890,surgery,senior,,Europe/London,,1,`,
      `Di,Xu,di.${tenant}@example.org,,pediatrics,fellow,,Mars/Olympus,,1,`,
    ].join('\n');

    const started = await upload('csv', 'text/csv', csv);
    expect(started.status).toBe(202);
    const report = await finished(started.body._id);
    expect(report).toMatchObject({
      status: 'completed',
      counts: { read: 4, created: 2, updated: 0, unchanged: 0, rejected: 2 },
    });
    expect(report.rejections).toEqual([
      { line: 4, problems: [expect.objectContaining({ field: 'npi' })] },
      {
        line: 5,
        problems: expect.arrayContaining([
          expect.objectContaining({ field: 'time_zone' }),
          expect.objectContaining({ field: 'npi' }),
        ]),
      },
    ]);

    const again = await finished((await upload('csv', 'text/csv', csv)).body._id);
    expect(again.counts).toMatchObject({
      read: 4,
      created: 0,
      updated: 0,
      unchanged: 2,
      rejected: 2,
    });

    const changed = csv.replace(`leadership;education,3,`, `leadership;education,5,`);
    const third = await finished((await upload('csv', 'text/csv', changed)).body._id);
    expect(third.counts).toMatchObject({ created: 0, updated: 1, unchanged: 1 });

    const people = await listAll();
    expect(people.filter((p) => p.email.endsWith(`${tenant}@example.org`))).toHaveLength(2);
    const bo = people.find((p) => p.email === `bo.${tenant}@example.org`)!;
    expect(bo.mentoringCapacity).toBe(5);
    const week = [
      { day: 'tue', start: '18:00', end: '20:00' },
      { day: 'sat', start: '09:00', end: '12:00' },
    ];
    expect(bo.availability).toEqual(week);
    const boEvents = await events.waitFor(Topics.ProfilesPhysician, bo.id, 2);
    expect(boEvents.map((e) => e.type)).toEqual([
      'medmentor.profiles.physician.registered',
      'medmentor.profiles.physician.updated',
    ]);
    expect(boEvents[0].data).toMatchObject({ availability: week });
  });

  it('imports a FHIR R4 Practitioner bundle with the tenant time zone as default', async () => {
    const npi = newNpi();
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        {
          resource: {
            resourceType: 'Practitioner',
            id: 'p1',
            identifier: [{ system: 'http://hl7.org/fhir/sid/us-npi', value: npi }],
            name: [{ family: 'Okafor', given: ['Chinwe'] }],
            telecom: [{ system: 'email', value: `chinwe.${tenant}@example.org` }],
          },
        },
        {
          resource: {
            resourceType: 'PractitionerRole',
            practitioner: { reference: 'Practitioner/p1' },
            specialty: [
              { coding: [{ system: 'http://nucc.org/provider-taxonomy', code: '207Q00000X' }] },
            ],
          },
        },
      ],
    };
    const started = await upload('fhir', 'application/fhir+json', JSON.stringify(bundle));
    expect(started.status).toBe(202);
    expect(await finished(started.body._id)).toMatchObject({
      status: 'completed',
      counts: { created: 1, rejected: 0 },
    });
    const chinwe = (await listAll()).find((p) => p.email === `chinwe.${tenant}@example.org`);
    const profile = await it$.call<{ timeZone: string; specialty: string }>(
      'GET',
      `/api/v1/physicians/${chinwe!.id}`,
      { token: admin },
    );
    expect(profile.body).toMatchObject({
      timeZone: 'America/Chicago',
      specialty: 'family-medicine',
    });
  });

  it('refuses unreadable files with problem+json before starting anything', async () => {
    const badHeader = await upload('csv', 'text/csv', 'name,shoe_size\nAna,9\n');
    expect(badHeader.status).toBe(202);
    expect(await finished(badHeader.body._id)).toMatchObject({
      status: 'failed',
      error: expect.stringMatching(/unknown columns: name, shoe_size/),
    });
    expect(
      (await upload('fhir', 'application/fhir+json', '{"resourceType":"Patient"}')).body,
    ).toMatchObject({ status: 400, code: 'import-file-invalid' });
    expect((await upload('fhir', 'application/fhir+json', '{oops')).body).toMatchObject({
      status: 400,
      code: 'import-file-invalid',
    });
    expect((await upload('csv', 'text/csv', '', await it$.token(tenant, ['mentee']))).status).toBe(
      403,
    );
  });

  it('answers 415 to a file sent as JSON instead of CSV or FHIR, and starts nothing', async () => {
    for (const body of ['true', '[1,2]', '{"rows":[]}', '"text"']) {
      const reply = await upload('csv', 'application/json', body);
      expect({ body, reply: reply.body }).toMatchObject({
        body,
        reply: { status: 415, code: 'import-media-type-unsupported' },
      });
    }
    expect(
      (await upload('fhir', 'application/json', '{"resourceType":"Bundle"}')).body,
    ).toMatchObject({ status: 415, code: 'import-media-type-unsupported' });
    // The service is still answering after the bodies that used to bring it down.
    expect((await it$.call('GET', `/api/v1/tenants/${tenant}`, { token: admin })).status).toBe(200);
  });
});
