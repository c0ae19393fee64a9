import { waitFor } from '@medmentor/testing';
import type { EnrollmentView } from '../src/enrollments/dto/enrollment-view.dto';
import { Clock } from '../src/enrollments/clock';
import { EnrollmentsModule } from '../src/enrollments/enrollments.module';
import { RankListFreezer } from '../src/enrollments/rank-list-freezer';
import { PhysiciansModule } from '../src/physicians/physicians.module';
import { ProgramsModule } from '../src/programs/programs.module';
import { TenantsModule } from '../src/tenants/tenants.module';
import {
  nationalProgram,
  publishProgram,
  registerPhysician,
  registerTenant,
  resident,
} from './enrollment-fixtures';
import { ProfilesTestApp } from './profiles-test-app';

const VARIABLE = 'RANK_LIST_FREEZE_INTERVAL_MS';

describe('rank-list freeze sweep on its configured interval (real Kafka and MongoDB-wire server)', () => {
  let it$: ProfilesTestApp;
  const previous = process.env[VARIABLE];

  beforeAll(async () => {
    process.env[VARIABLE] = '1000';
    it$ = await ProfilesTestApp.start([
      TenantsModule,
      ProgramsModule,
      PhysiciansModule,
      EnrollmentsModule,
    ]);
  });

  afterAll(async () => {
    if (previous === undefined) delete process.env[VARIABLE];
    else process.env[VARIABLE] = previous;
    await it$?.close();
  });

  it('freezes due lists on its own, every RANK_LIST_FREEZE_INTERVAL_MS', async () => {
    expect(it$.app.get(RankListFreezer).intervalMs).toBe(1000);
    const tenantId = await registerTenant(it$);
    const admin = await it$.token(tenantId, ['org-admin']);
    const program = await publishProgram(it$, admin, nationalProgram());
    const physicianId = await registerPhysician(it$, admin, resident());
    const reply = await it$.call<EnrollmentView>('POST', '/api/v1/enrollments', {
      token: admin,
      body: { programId: program.id, physicianId, side: 'mentee', roles: ['career'] },
    });
    expect(reply.status).toBe(201);

    // Past the deadline, nobody calls sweep(): the timer does, within a few intervals.
    const dueAt = new Date(program.cycle['rankListsDueAt']);
    jest.spyOn(it$.app.get(Clock), 'now').mockReturnValue(new Date(dueAt.getTime() + 1000));
    const frozen = await waitFor(
      async () => {
        const doc = await it$.connection
          .collection('enrollments')
          .findOne({ _id: reply.body.id as never });
        return (doc?.['rankList'] as { frozenAt?: Date } | undefined)?.frozenAt;
      },
      { timeoutMs: 10_000, description: 'the timer to freeze the list' },
    );
    expect(frozen).toEqual(new Date(dueAt.getTime() + 1000));
  });
});
