import type { AuditEntry } from '@medmentor/audit';
import { waitFor } from '@medmentor/testing';
import { EnrollmentsModule } from '../src/enrollments/enrollments.module';
import { ImportsModule } from '../src/imports/imports.module';
import { PhysiciansModule } from '../src/physicians/physicians.module';
import { ProgramsModule } from '../src/programs/programs.module';
import { TenantsModule } from '../src/tenants/tenants.module';
import {
  attending,
  nationalProgram,
  newNpi,
  publishProgram,
  registerPhysician,
  registerTenant,
  resident,
} from './enrollment-fixtures';
import { ProfilesTestApp, type Json, type PageBody } from './profiles-test-app';

type Entry = Json<AuditEntry>;

const CSV_HEADER =
  'given_name,family_name,email,npi,specialty,career_stage,pgy,time_zone,interests,mentoring_capacity';

describe('audit log of imports, erasures and enrollments made for others (real MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  let tenantA: string;
  let tenantB: string;
  let adminA: string;
  let adminB: string;

  const auditOf = async (token: string, query: string) => {
    const reply = await it$.call<PageBody<Entry>>('GET', `/api/v1/audit-events${query}`, { token });
    expect(reply.status).toBe(200);
    return reply.body.items;
  };
  /** The entries about one resource, newest first: visible to tenant A's admin, never to B's. */
  const historyOf = async (type: string, id: string) => {
    const query = `?resourceType=${type}&resourceId=${id}`;
    expect(await auditOf(adminB, query)).toEqual([]);
    return auditOf(adminA, query);
  };

  beforeAll(async () => {
    it$ = await ProfilesTestApp.start([
      TenantsModule,
      ProgramsModule,
      PhysiciansModule,
      EnrollmentsModule,
      ImportsModule,
    ]);
    tenantA = await registerTenant(it$);
    tenantB = await registerTenant(it$);
    adminA = await it$.token(tenantA, ['org-admin'], { subject: 'admin-a' });
    adminB = await it$.token(tenantB, ['org-admin'], { subject: 'admin-b' });
  });

  afterAll(async () => {
    await it$?.close();
  });

  it('records the start and the outcome of a CSV import with counts, never row contents', async () => {
    const csv = [
      CSV_HEADER,
      `Ana,García,ana.${tenantA}@example.org,${newNpi()},internal-medicine,resident,2,America/Chicago,research,0`,
      `Cy,Ng,cy.${tenantA}@example.org,1234567890,surgery,senior,,Europe/London,,1`,
    ].join('\n');
    const response = await it$.app
      .getHttpAdapter()
      .getInstance()
      .inject({
        method: 'POST',
        url: '/api/v1/imports/physicians/csv',
        headers: { authorization: `Bearer ${adminA}`, 'content-type': 'text/csv' },
        payload: csv,
      });
    expect(response.statusCode).toBe(202);
    const importId = (JSON.parse(response.body) as { _id: string })._id;

    const history = await waitFor(
      async () => {
        const items = await historyOf('import', importId);
        return items.length === 2 ? items : undefined;
      },
      { timeoutMs: 60_000, description: `import ${importId} to be audited twice` },
    );
    expect(history.map((e) => [e.action, e.summary])).toEqual([
      [
        'import.completed',
        { format: 'csv', read: 2, created: 1, updated: 0, unchanged: 0, rejected: 1 },
      ],
      ['import.started', { format: 'csv' }],
    ]);
    expect(history[1]).toMatchObject({
      tenantId: tenantA,
      service: 'profiles',
      actor: { subject: 'admin-a', roles: ['org-admin'] },
    });
    expect(JSON.stringify(history)).not.toContain('García');
    expect(JSON.stringify(history)).not.toContain('example.org');
  });

  it('records the start of a FHIR import', async () => {
    const started = await it$.call<{ _id: string }>('POST', '/api/v1/imports/physicians/fhir', {
      token: adminA,
      headers: { 'content-type': 'application/fhir+json' },
      body: { resourceType: 'Bundle', type: 'collection', entry: [] },
    });
    expect(started.status).toBe(202);
    const history = await waitFor(
      async () => {
        const items = await historyOf('import', started.body._id);
        return items.length === 2 ? items : undefined;
      },
      { timeoutMs: 60_000, description: 'the FHIR import to be audited twice' },
    );
    expect(history.map((e) => e.action)).toEqual(['import.completed', 'import.started']);
    expect(history[1].summary).toEqual({ format: 'fhir' });
  });

  it('records every erasure, by an admin or by the physician, naming the physician by id only', async () => {
    const byAdmin = await registerPhysician(it$, adminA, resident({ givenName: 'Erasmus' }));
    expect(
      (await it$.call('DELETE', `/api/v1/physicians/${byAdmin}`, { token: adminA })).status,
    ).toBe(204);
    const self = await registerPhysician(it$, adminA, resident());
    const selfToken = await it$.token(tenantA, ['mentee'], { physicianId: self, subject: 'doc' });
    expect(
      (await it$.call('DELETE', `/api/v1/physicians/${self}`, { token: selfToken })).status,
    ).toBe(204);
    // A refused erasure (another tenant's admin) changes nothing and records nothing.
    const kept = await registerPhysician(it$, adminA, resident());
    expect((await it$.call('DELETE', `/api/v1/physicians/${kept}`, { token: adminB })).status).toBe(
      404,
    );

    const adminErasure = await historyOf('physician', byAdmin);
    expect(adminErasure).toEqual([
      expect.objectContaining({
        action: 'physician.erased',
        actor: { subject: 'admin-a', roles: ['org-admin'] },
        summary: { byThemself: false },
      }),
    ]);
    expect(JSON.stringify(adminErasure)).not.toContain('Erasmus');
    expect(await historyOf('physician', self)).toEqual([
      expect.objectContaining({
        action: 'physician.erased',
        actor: { subject: 'doc', roles: ['mentee'], physicianId: self },
        summary: { byThemself: true },
      }),
    ]);
    expect(await historyOf('physician', kept)).toEqual([]);
  });

  it('records enrollments, rank lists and withdrawals an admin makes for a physician, not their own', async () => {
    const program = await publishProgram(it$, adminA, nationalProgram());
    const menteeId = await registerPhysician(it$, adminA, resident());
    const mentorId = await registerPhysician(it$, adminA, attending());
    const enroll = async (token: string, body: Record<string, unknown>) => {
      const reply = await it$.call<{ id: string; version: number }>('POST', '/api/v1/enrollments', {
        token,
        body: { programId: program.id, roles: ['career'], ...body },
      });
      expect(reply.status).toBe(201);
      return reply.body;
    };
    const mentee = await enroll(adminA, { physicianId: menteeId, side: 'mentee' });
    const mentorToken = await it$.token(tenantA, ['mentor'], { physicianId: mentorId });
    const mentor = await enroll(mentorToken, { side: 'mentor' });

    const ranked = await it$.call('PUT', `/api/v1/enrollments/${mentee.id}/rank-list`, {
      token: adminA,
      body: { ranks: [mentor.id], version: mentee.version },
    });
    expect(ranked.status).toBe(200);
    expect(
      (await it$.call('POST', `/api/v1/enrollments/${mentee.id}/withdraw`, { token: adminA }))
        .status,
    ).toBe(200);
    expect(
      (await it$.call('POST', `/api/v1/enrollments/${mentor.id}/withdraw`, { token: mentorToken }))
        .status,
    ).toBe(200);

    const history = await historyOf('enrollment', mentee.id);
    expect(history.map((e) => [e.action, e.summary])).toEqual([
      ['enrollment.withdrawn', { programId: program.id, physicianId: menteeId, version: 3 }],
      [
        'enrollment.rank-list-submitted',
        { programId: program.id, physicianId: menteeId, version: 2, ranks: 1 },
      ],
      [
        'enrollment.created',
        { programId: program.id, physicianId: menteeId, version: 1, side: 'mentee' },
      ],
    ]);
    expect(history.every((e) => e.actor.subject === 'admin-a')).toBe(true);
    // The mentor enrolled and withdrew themself: nothing administrative to record.
    expect(await historyOf('enrollment', mentor.id)).toEqual([]);
  });
});
