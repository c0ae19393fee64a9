import { randomUUID } from 'node:crypto';
import { join } from 'node:path';
import { Kafka, logLevel, type Producer } from 'kafkajs';
import { generateDevKeyPair, signDevToken, type Role } from '@medmentor/auth';
import {
  createEvent,
  decodeEvent,
  Topics,
  type EventPayload,
  type EventType,
} from '@medmentor/contracts';
import {
  kafkaBrokers,
  KafkaReader,
  mongoUri,
  ServiceProcess,
  SERVICES,
  uniqueName,
  waitFor,
} from '@medmentor/testing';
import { api } from './stack';

const ISSUER = 'medmentor-e2e';
const AUDIENCE = 'medmentor-api';
// Its own port (E2E_MATCHING_PORT), so this suite can run beside the whole-stack one.
/** Deadline for asynchronous effects on a busy shared machine. */
const DEADLINE = { timeoutMs: 90_000 };
const PORT = Number(process.env['E2E_MATCHING_PORT'] ?? SERVICES.matching + 200);

describe('matching as a process: from profiles events to an activated match over HTTP', () => {
  const runId = uniqueName('e2e-matching');
  const tenant = uniqueName('tenant');
  const keys = generateDevKeyPair();
  let service: ServiceProcess;
  let producer: Producer;
  let reader: KafkaReader;

  const token = async (roles: [Role, ...Role[]], physicianId?: string) =>
    signDevToken(
      (await keys).privateKeyPem,
      {
        subject: physicianId ?? 'e2e-admin',
        tenantId: tenant,
        roles,
        ...(physicianId && { physicianId }),
      },
      { issuer: ISSUER, audience: AUDIENCE, expiresIn: '1h' },
    );

  const send = async <T extends EventType>(type: T, data: EventPayload<T>) => {
    const event = createEvent(type, data, { tenantId: tenant, source: 'profiles' });
    await producer.send({
      topic: event.topic,
      acks: -1,
      messages: [{ key: event.key, value: JSON.stringify(event.envelope) }],
    });
  };

  beforeAll(async () => {
    service = new ServiceProcess({
      name: 'matching',
      port: PORT,
      logDir: join(__dirname, '../../../tmp/e2e-logs', runId),
      env: {
        MONGODB_URI: mongoUri(),
        MONGODB_DATABASE: `${runId}_matching`.replace(/-/g, '_'),
        KAFKA_BROKERS: kafkaBrokers().join(','),
        KAFKA_GROUP_ID: runId,
        AUTH_PUBLIC_KEY: (await keys).publicKeyPem,
        AUTH_ISSUER: ISSUER,
        AUTH_AUDIENCE: AUDIENCE,
        OUTBOX_POLL_INTERVAL_MS: '100',
        MATCH_RUN_POLL_INTERVAL_MS: '200',
      },
    });
    service.start();
    await service.waitReady();
    const kafka = new Kafka({
      clientId: runId,
      brokers: kafkaBrokers(),
      logLevel: logLevel.NOTHING,
    });
    producer = kafka.producer({ allowAutoTopicCreation: false });
    await producer.connect();
    reader = await new KafkaReader().start([Topics.MatchingMatch]);
  }, 120_000);

  afterAll(async () => {
    await reader?.stop();
    await producer?.disconnect();
    await service?.kill();
  });

  it('runs, publishes and activates a match, and answers mistakes and other tenants with problem+json', async () => {
    const programId = randomUUID();
    await send('medmentor.profiles.program.published', {
      programId,
      tenantId: tenant,
      name: 'Residency to attending',
      kind: 'institutional',
      matchingMode: 'cohort',
      status: 'matching',
      rolesOffered: [{ role: 'career', perMentee: 1 }],
      scoringWeights: {
        specialty: 1,
        careerStage: 0.5,
        interests: 0.5,
        goals: 1,
        practiceSetting: 0,
        geography: 0,
        language: 0,
        availability: 0,
      },
      eligibility: {
        mentees: { careerStages: [], specialties: [] },
        mentors: { careerStages: [], specialties: [] },
      },
      requirements: { mentorTrainingCompleted: false },
      cadence: [{ every: 'month' }],
      kickoffWindowDays: 14,
      reminderOffsetsMinutes: [1440],
      cycle: {
        enrollmentOpensAt: '2026-09-01T00:00:00.000Z',
        enrollmentClosesAt: '2026-09-30T00:00:00.000Z',
        matchDate: '2026-10-15T00:00:00.000Z',
      },
      version: 1,
    });
    const people = { mentee: randomUUID(), mentor: randomUUID() };
    const enrollments = { mentee: randomUUID(), mentor: randomUUID() };
    for (const side of ['mentee', 'mentor'] as const) {
      await send('medmentor.profiles.physician.registered', {
        physicianId: people[side],
        tenantId: tenant,
        displayName: `Dr. ${side}`,
        email: `${people[side]}@example.org`,
        timeZone: 'America/New_York',
        languages: ['en'],
        availability: [],
        specialty: 'internal-medicine',
        careerStage: side === 'mentee' ? { stage: 'resident', pgy: 3 } : { stage: 'senior' },
        interests: ['leadership'],
        practiceSetting: {},
        mentoringCapacity: 2,
        takingBreak: false,
        mentorTraining: { completed: true },
        reportingLine: { supervisorIds: [], evaluatorIds: [] },
        version: 1,
      });
      await send('medmentor.profiles.enrollment.submitted', {
        enrollmentId: enrollments[side],
        tenantId: tenant,
        programId,
        physicianId: people[side],
        side,
        roles: ['career'],
        topics: ['contract-negotiation'],
        preferences: {
          externalMentorOnly: false,
          preferred: { specialties: [], languages: [], practiceSetting: {} },
          exclusions: [],
        },
        ...(side === 'mentor' && { capacity: 1 }),
        status: 'active',
        submittedAt: '2026-09-10T00:00:00.000Z',
        version: 1,
      });
    }

    const admin = await token(['program-admin']);
    const menteeToken = await token(['mentee'], people.mentee);
    // The read model is fed asynchronously: the mentee's recommendation appears once it is.
    const recommended = await waitFor(async () => {
      const res = await api(
        `${service.url}/api/v1/programs/${programId}/recommendations?menteeEnrollmentId=${enrollments.mentee}`,
        { token: menteeToken },
      );
      return res.status === 200 && (res.body.items as unknown[]).length === 1
        ? res.body
        : undefined;
    }, DEADLINE);
    expect(recommended.items).toEqual([
      expect.objectContaining({
        mentorEnrollmentId: enrollments.mentor,
        factors: expect.any(Array),
      }),
    ]);

    const started = await api(`${service.url}/api/v1/programs/${programId}/match-runs`, {
      method: 'POST',
      token: admin,
      body: {},
    });
    expect(started.status).toBe(202);
    const run = await waitFor(async () => {
      const res = await api(`${service.url}/api/v1/match-runs/${started.body.runId as string}`, {
        token: admin,
      });
      return res.body.status === 'completed' ? res.body : undefined;
    }, DEADLINE);
    expect(run).toMatchObject({ verification: { verified: true }, summary: { matched: 1 } });

    const published = await api(`${service.url}/api/v1/match-runs/${run.runId as string}/publish`, {
      method: 'POST',
      token: admin,
    });
    expect(published.body).toMatchObject({ proposed: 1 });
    const list = await api(`${service.url}/api/v1/matches?programId=${programId}`, {
      token: menteeToken,
    });
    const matchId = (list.body.items as { matchId: string }[])[0].matchId;
    for (const who of [menteeToken, await token(['mentor'], people.mentor)]) {
      const res = await api(`${service.url}/api/v1/matches/${matchId}/accept`, {
        method: 'POST',
        token: who,
      });
      expect(res.status).toBe(200);
    }
    const activated = await waitFor(
      () =>
        reader
          .on(Topics.MatchingMatch)
          .filter((m) => m.key === matchId)
          .map((m) => decodeEvent(Topics.MatchingMatch, m.value))
          .find((d) => d.ok && d.type === 'medmentor.matching.match.activated'),
      DEADLINE,
    );
    expect(activated).toMatchObject({
      ok: true,
      envelope: {
        data: { menteeId: people.mentee, mentorId: people.mentor, programId, role: 'career' },
      },
    });

    const bad = await api(`${service.url}/api/v1/programs/${programId}/match-runs`, {
      method: 'POST',
      token: admin,
      body: { seed: 'x' },
    });
    expect(bad.status).toBe(400);
    expect(bad.contentType).toMatch(/problem\+json/);
    expect(bad.body.errors).toEqual([expect.objectContaining({ field: 'seed' })]);

    const stranger = await signDevToken(
      (await keys).privateKeyPem,
      { subject: 'other', tenantId: uniqueName('tenant'), roles: ['org-admin'] },
      { issuer: ISSUER, audience: AUDIENCE, expiresIn: '1h' },
    );
    const hidden = await api(`${service.url}/api/v1/matches/${matchId}`, { token: stranger });
    expect(hidden.status).toBe(404);
    expect(hidden.contentType).toMatch(/problem\+json/);

    const metrics = await (await fetch(`${service.url}/metrics`)).text();
    expect(metrics).toMatch(
      /medmentor_match_run_duration_seconds_count\{algorithm="assignment"\} 1/,
    );
    expect(await service.stop()).toBe(0);
  });
});
