import { randomBytes } from 'node:crypto';
import { npiCheckDigit } from '@medmentor/domain';
import { api, type Stack } from '../stack';

/** Data of one tenant made through the public API, with strings that must never leak. */
export interface TenantFixtures {
  readonly tenantId: string;
  readonly adminToken: string;
  /** Ids of the tenant's resources by fixture name (draftProgram, physician, enrollment, ...). */
  readonly ids: Record<string, string>;
  /** Strings that belong to this tenant only: ids, names, email addresses, phone numbers. */
  readonly secrets: string[];
  /** Fixtures that could not be created, with the answer that refused them. */
  readonly failures: string[];
}

const iso = (daysFromNow: number): string =>
  new Date(Date.now() + daysFromNow * 86_400_000).toISOString();

export const programBody = (name: string) => ({
  name,
  description: `${name} description`,
  objectives: ['job-search'],
  kind: 'institutional',
  matchingMode: 'cohort',
  cycle: { enrollmentOpensAt: iso(-1), enrollmentClosesAt: iso(60), matchDate: iso(70) },
  rolesOffered: [{ role: 'career', perMentee: 1 }],
});

/** A valid, random NPI (Luhn check digit over the 80840 prefix). */
export const randomNpi = (): string => {
  const first9 = `2${String(Math.floor(Math.random() * 1e8)).padStart(8, '0')}`;
  return `${first9}${npiCheckDigit(first9)}`;
};

/** Every day 07:00-21:00: a kickoff slot exists for any two such physicians. */
const WIDE_AVAILABILITY = (['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const).map(
  (day) => ({ day, start: '07:00', end: '21:00' }),
);

export const physicianBody = (marker: string, phone: string) => ({
  npi: randomNpi(),
  givenName: `Given${marker}`,
  familyName: `Family${marker}`,
  email: `${marker.toLowerCase()}@example.org`,
  phone,
  specialty: 'internal-medicine',
  careerStage: { stage: 'resident', pgy: 2 },
  location: { city: 'Chicago', region: 'IL', country: 'US' },
  timeZone: 'America/Chicago',
  availability: WIDE_AVAILABILITY,
});

/**
 * Registers a tenant (as platform-admin) and creates one of each resource the APIs let an
 * admin create. A fixture that fails is recorded, not thrown, so one broken endpoint does
 * not hide the isolation results of all the others.
 */
export async function createTenantFixtures(stack: Stack, label: string): Promise<TenantFixtures> {
  const marker = `Sec${label}${randomBytes(4).toString('hex')}`;
  const phone = `+1555${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;
  const profiles = stack.services.profiles.url;
  const notifications = stack.services.notifications.url;
  const scheduling = stack.services.scheduling.url;
  const platformAdmin = await stack.tokenWith({
    roles: ['platform-admin'],
    subject: `ops-${marker}`,
  });
  const ids: Record<string, string> = {};
  const failures: string[] = [];
  const secrets = [marker, marker.toLowerCase(), phone];

  const registered = await api(`${profiles}/api/v1/tenants`, {
    method: 'POST',
    token: platformAdmin,
    body: { name: `Tenant ${marker}`, slug: marker.toLowerCase(), kind: 'health-system' },
  });
  if (registered.status !== 201)
    throw new Error(`tenant ${label}: ${registered.status} ${JSON.stringify(registered.body)}`);
  const tenantId = registered.body['id'] as string;
  ids['tenant'] = tenantId;
  const adminToken = await stack.tokenWith({
    tenantId,
    roles: ['org-admin'],
    subject: `admin-${marker}`,
  });

  const step = async (
    name: string,
    call: () => Promise<{ status: number; body: Record<string, unknown> }>,
    idField = 'id',
  ) => {
    const res = await call();
    const id = res.body[idField];
    if (res.status >= 200 && res.status < 300 && typeof id === 'string') {
      ids[name] = id;
    } else if (!(res.status >= 200 && res.status < 300)) {
      failures.push(`${name}: ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`);
    }
    return res;
  };
  const post =
    (url: string, body: unknown, method = 'POST') =>
    () =>
      api(url, { method, token: adminToken, body });

  await step('draftProgram', post(`${profiles}/api/v1/programs`, programBody(`Draft ${marker}`)));
  await step('openProgram', post(`${profiles}/api/v1/programs`, programBody(`Open ${marker}`)));
  if (ids['openProgram']) {
    await step(
      'publish',
      post(`${profiles}/api/v1/programs/${ids['openProgram']}/publish`, undefined),
      'status',
    );
  }
  await step('physician', post(`${profiles}/api/v1/physicians`, physicianBody(marker, phone)));
  if (ids['physician'] && ids['openProgram']) {
    await step(
      'enrollment',
      post(`${profiles}/api/v1/enrollments`, {
        programId: ids['openProgram'],
        physicianId: ids['physician'],
        side: 'mentee',
        roles: ['career'],
      }),
    );
  }
  await step(
    'ping',
    post(`${profiles}/api/v1/diagnostics/pings`, { message: `ping ${marker}` }),
    'pingId',
  );
  const csv = `givenName,familyName,email,specialty,careerStage,timeZone\nCsv${marker},Row,csv.${marker.toLowerCase()}@example.org,internal-medicine,resident,America/Chicago\n`;
  await step('import', async () => {
    const res = await fetch(`${profiles}/api/v1/imports/physicians/csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${adminToken}`, 'content-type': 'text/csv' },
      body: csv,
    });
    const text = await res.text();
    return {
      status: res.status,
      body: text === '' ? {} : (JSON.parse(text) as Record<string, unknown>),
    };
  });
  await step(
    'webhook',
    post(`${notifications}/api/v1/webhooks`, { url: `https://hooks.example.org/${marker}` }),
  );
  await step(
    'adminContact',
    post(`${notifications}/api/v1/admin-contacts`, {
      name: `Contact ${marker}`,
      email: `contact.${marker.toLowerCase()}@example.org`,
    }),
  );
  await step(
    'template',
    post(
      `${notifications}/api/v1/templates/match-proposed/email`,
      { subject: `Subject ${marker}`, text: `Text ${marker}` },
      'PUT',
    ),
    'kind',
  );
  if (ids['physician']) {
    await step(
      'preferences',
      onceKnown(
        post(
          `${notifications}/api/v1/notification-preferences/${ids['physician']}`,
          { digest: 'weekly' },
          'PUT',
        ),
      ),
      'physicianId',
    );
    await step(
      'blackout',
      onceKnown(
        post(`${scheduling}/api/v1/physicians/${ids['physician']}/blackouts`, {
          from: '2027-03-01',
          to: '2027-03-02',
          reason: `Leave ${marker}`,
        }),
      ),
    );
    const feed = await step(
      'calendarFeed',
      onceKnown(
        post(`${scheduling}/api/v1/physicians/${ids['physician']}/calendar-feed`, undefined),
      ),
      'url',
    );
    const url = feed.body['url'];
    if (typeof url === 'string') ids['calendarFeedToken'] = url.split('/').pop() ?? '';
  }

  if (ids['enrollment'] && ids['openProgram']) {
    const mentorPhone = `+1555${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;
    secrets.push(mentorPhone);
    await createMatchFixtures(stack, {
      tenantId,
      marker,
      phone: mentorPhone,
      ids,
      failures,
      step,
      post,
    });
  }

  for (const [name, id] of Object.entries(ids)) {
    // Fixed words (a kind, a status) are not secrets; ids and tokens are.
    if (!['template', 'publish'].includes(name) && id.length >= 8) secrets.push(id);
  }
  return { tenantId, adminToken, ids, secrets: [...new Set(secrets)], failures };
}

type Call = () => Promise<{ status: number; body: Record<string, unknown> }>;
type Step = (name: string, call: Call, idField?: string) => ReturnType<Call>;

/**
 * The resources that only the matching flow makes, through the public APIs: a mentor enrolled
 * next to the tenant's mentee, a match run (run), published into a match (match) both sides
 * accept, the kickoff meeting scheduling plans for it (meeting) with an action item
 * (actionItem), and the mentor's in-app message about the match (inboxMessage).
 */
async function createMatchFixtures(
  stack: Stack,
  context: {
    tenantId: string;
    marker: string;
    phone: string;
    ids: Record<string, string>;
    failures: string[];
    step: Step;
    post: (url: string, body: unknown, method?: string) => Call;
  },
): Promise<void> {
  const { tenantId, marker, phone, ids, failures, step, post } = context;
  const profiles = stack.services.profiles.url;
  const matching = stack.services.matching.url;
  const scheduling = stack.services.scheduling.url;
  const notifications = stack.services.notifications.url;
  const programId = ids['openProgram'];
  const as = (role: 'mentee' | 'mentor', physicianId: string) =>
    stack.tokenWith({ tenantId, roles: [role], subject: `${role}-${marker}`, physicianId });
  /** The first answer `pick` accepts, polled; the last answer if none came in time. */
  const polled =
    (call: Call, pick: (body: Record<string, unknown>) => string | undefined): Call =>
    async () => {
      const deadline = Date.now() + 60_000;
      for (;;) {
        const res = await call();
        const id = res.status === 200 ? pick(res.body) : undefined;
        if (id !== undefined) return { status: 200, body: { id } };
        if (Date.now() > deadline)
          return { status: res.status === 200 ? 504 : res.status, body: res.body };
        await new Promise((resolve) => setTimeout(resolve, 250));
      }
    };
  const firstId = (field: string) => (body: Record<string, unknown>) =>
    (body['items'] as Record<string, string>[] | undefined)?.[0]?.[field];

  await step(
    'mentorPhysician',
    post(`${profiles}/api/v1/physicians`, {
      ...physicianBody(`${marker}Mentor`, phone),
      careerStage: { stage: 'mid-career', yearsInPractice: 10 },
      mentoringCapacity: 2,
      mentorTraining: { completed: true, completedAt: '2026-01-10' },
    }),
  );
  const mentor = ids['mentorPhysician'];
  if (mentor === undefined) return;
  await step(
    'mentorEnrollment',
    post(`${profiles}/api/v1/enrollments`, {
      programId,
      physicianId: mentor,
      side: 'mentor',
      roles: ['career'],
    }),
  );
  if (ids['mentorEnrollment'] === undefined) return;
  // Matching learns of both enrollments from profiles' events: the mentee's recommendation shows it.
  const recommended = await step(
    'recommendation',
    polled(
      post(
        `${matching}/api/v1/programs/${programId}/recommendations?menteeEnrollmentId=${ids['enrollment']}`,
        undefined,
        'GET',
      ),
      firstId('mentorEnrollmentId'),
    ),
  );
  if (recommended.status !== 200) return;
  await step('run', post(`${matching}/api/v1/programs/${programId}/match-runs`, {}), 'runId');
  if (ids['run'] === undefined) return;
  await step(
    'completedRun',
    polled(post(`${matching}/api/v1/match-runs/${ids['run']}`, undefined, 'GET'), (body) =>
      body['status'] === 'completed' ? String(body['runId']) : undefined,
    ),
  );
  // No id to keep (idField '-'): only a refusal is recorded.
  await step(
    'published',
    post(`${matching}/api/v1/match-runs/${ids['run']}/publish`, undefined),
    '-',
  );
  await step(
    'match',
    polled(
      post(`${matching}/api/v1/matches?programId=${programId}`, undefined, 'GET'),
      firstId('matchId'),
    ),
  );
  const matchId = ids['match'];
  if (matchId === undefined) return;
  const mentorToken = await as('mentor', mentor);
  for (const token of [await as('mentee', ids['physician']), mentorToken])
    await step(
      'accepted',
      () => api(`${matching}/api/v1/matches/${matchId}/accept`, { method: 'POST', token }),
      '-',
    );
  await step(
    'meeting',
    polled(
      post(`${scheduling}/api/v1/matches/${matchId}/meetings`, undefined, 'GET'),
      firstId('id'),
    ),
  );
  if (ids['meeting'] !== undefined) {
    const added = await step(
      'withActionItem',
      post(`${scheduling}/api/v1/meetings/${encodeURIComponent(ids['meeting'])}/action-items`, {
        text: `Item ${marker}`,
        ownerId: ids['physician'],
      }),
    );
    const items = added.body['actionItems'] as { id: string }[] | undefined;
    if (items?.[0] !== undefined) ids['actionItem'] = items[0].id;
    else failures.push(`actionItem: none in ${JSON.stringify(added.body).slice(0, 300)}`);
  }
  await step(
    'inboxMessage',
    polled(() => api(`${notifications}/api/v1/inbox`, { token: mentorToken }), firstId('id')),
  );
}

/**
 * Repeats a call while it answers 404: notifications and scheduling learn of a new physician
 * from profiles' events, a moment after profiles answered. Gives up after `timeoutMs` and
 * returns the last answer, so the fixture reports it.
 */
const onceKnown =
  (call: Call, timeoutMs = 60_000): Call =>
  async () => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const res = await call();
      if (res.status !== 404 || Date.now() > deadline) return res;
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  };
