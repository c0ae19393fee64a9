// The health system: three hospitals, about 2,000 physicians with reporting lines, and a
// system-wide program where each early-career mentee gets a board (clinical, career and peer
// mentors) by cohort matching.
import { MENTORING_TOPICS } from '@medmentor/domain';
import { waitFor } from '@medmentor/testing';
import { generatePhysicians, type SyntheticPhysician } from '../synthetic/physicians';
import { physiciansCsv } from '../synthetic/physicians-csv';
import { Prng } from '../synthetic/prng';
import {
  newProgramFacts,
  publishProgram,
  scaled,
  type DemoContext,
  type MatchView,
  type ProgramFacts,
} from './demo-context';
import { respond, runAndPublish } from './match-cycle';
import { inPool, Progress } from './progress';

const HOSPITALS = [
  { name: 'Northlake Medical Center', city: 'Chicago', region: 'IL', timeZone: 'America/Chicago' },
  {
    name: 'Riverside Community Hospital',
    city: 'Milwaukee',
    region: 'WI',
    timeZone: 'America/Chicago',
  },
  {
    name: 'Prairie View Hospital',
    city: 'Indianapolis',
    region: 'IN',
    timeZone: 'America/Indiana/Indianapolis',
  },
];
const DEPARTMENTS = [
  'Medicine',
  'Surgery',
  'Pediatrics',
  'Emergency Medicine',
  'Anesthesiology',
  'Psychiatry',
];

interface ImportReport {
  status: 'running' | 'completed' | 'failed';
  counts: { read: number; created: number; updated: number; unchanged: number; rejected: number };
  rejections?: { line: number; problems: { field: string; message: string }[] }[];
  error?: string;
}

/** Loads `people` through the profiles CSV import and waits until it is done. */
const importCsv = async (
  ctx: DemoContext,
  admin: string,
  people: readonly { body: SyntheticPhysician['body']; supervisorId?: string }[],
  bar: Progress,
  before: number,
): Promise<void> => {
  if (people.length === 0) return;
  const started = await ctx.api<{ _id: string }>('profiles', '/imports/physicians/csv', {
    token: admin,
    file: { text: physiciansCsv(people), contentType: 'text/csv' },
  });
  const report = await waitFor(
    async () => {
      const { body } = await ctx.api<ImportReport>('profiles', `/imports/${started.body._id}`, {
        token: admin,
      });
      bar.set(before + body.counts.read);
      return body.status === 'running' ? undefined : body;
    },
    { timeoutMs: 30 * 60_000, intervalMs: 500, description: 'the physician import' },
  );
  if (report.status !== 'completed' || report.counts.rejected > 0)
    throw new Error(
      `the physician import ${report.status}: ${report.error ?? JSON.stringify(report.rejections?.slice(0, 3))}`,
    );
};

/**
 * Registers physicians in bulk, as an administrator loads a roster: the department chiefs
 * first, then everyone else with their supervisor (and evaluator) named by profile id. Answers
 * the profile ids in the order of `people`.
 */
export const registerPhysicians = async (
  ctx: DemoContext,
  label: string,
  people: readonly SyntheticPhysician[],
  admin: string,
): Promise<string[]> => {
  const chiefs = new Set(
    people.map((p) => p.supervisorIndex).filter((i): i is number => i !== undefined),
  );
  const bar = new Progress(`${label}: physicians imported`, people.length);
  const idsByEmail = async () =>
    new Map(
      (await ctx.list<{ id: string; email: string }>('profiles', '/physicians', admin)).map((p) => [
        p.email,
        p.id,
      ]),
    );
  const first = people.filter((p) => chiefs.has(p.index));
  await importCsv(ctx, admin, first, bar, 0);
  const chiefIds = chiefs.size === 0 ? new Map<string, string>() : await idsByEmail();
  await importCsv(
    ctx,
    admin,
    people
      .filter((p) => !chiefs.has(p.index))
      .map((p) => ({
        body: p.body,
        ...(p.supervisorIndex !== undefined && {
          supervisorId: chiefIds.get(people[p.supervisorIndex].body.email),
        }),
      })),
    bar,
    first.length,
  );
  const ids = await idsByEmail();
  bar.finish();
  return people.map((p) => {
    const id = ids.get(p.body.email);
    if (id === undefined) throw new Error(`${p.body.email} was imported but is not listed`);
    return id;
  });
};

export const healthSystem = async (
  ctx: DemoContext,
): Promise<{ facts: ProgramFacts; admin: string }> => {
  const tenantId = `northlake-health-${ctx.runTag}`;
  const platform = await ctx.as({ roles: ['platform-admin'], subject: 'demo-platform' });
  const tenant = await ctx.api<{ hospitals: { id: string; name: string }[] }>(
    'profiles',
    '/tenants',
    {
      token: platform,
      body: {
        id: tenantId,
        name: 'Northlake Health',
        slug: tenantId,
        kind: 'health-system',
        timeZone: 'America/Chicago',
        hospitals: HOSPITALS.map((h) => ({
          name: h.name,
          departments: DEPARTMENTS.map((name) => ({ name })),
        })),
      },
    },
  );
  const hospitals = HOSPITALS.map((h, i) => ({ ...h, id: tenant.body.hospitals[i].id }));
  const admin = await ctx.as({
    tenantId,
    roles: ['org-admin', 'program-admin'],
    subject: 'demo-northlake-admin',
  });

  const people = generatePhysicians({
    count: scaled(2000, ctx.scale, 60),
    seed: ctx.seed,
    emailDomain: 'northlake.example.org',
    hospitals,
    npiBase: 2_000_000,
  });
  const ids = await ctx.phase('health system: register physicians', () =>
    registerPhysicians(ctx, 'Northlake', people, admin),
  );

  const programId = await publishProgram(ctx, admin, {
    name: 'Northlake First Five Years',
    description:
      'A mentorship board for every new attending and senior trainee: clinical, career and peer mentors.',
    objectives: ['retention', 'onboarding', 'leadership'],
    kind: 'institutional',
    matchingMode: 'cohort',
    rolesOffered: [
      { role: 'clinical', perMentee: 1 },
      { role: 'career', perMentee: 1 },
      { role: 'peer', perMentee: 1 },
    ],
    eligibility: {
      mentees: { careerStages: ['resident', 'fellow', 'early-career'], specialties: [] },
      mentors: { careerStages: ['early-career', 'mid-career', 'senior'], specialties: [] },
    },
    requirements: { mentorTrainingCompleted: true },
    cadence: [{ every: 'month', count: 3 }, { every: 'quarter' }],
  });
  const facts = newProgramFacts({
    label: 'Northlake',
    tenantId,
    programId,
    algorithm: 'boards',
    physicians: people.length,
  });

  // Who joins: senior residents, fellows and new attendings as mentees; trained mid-career and
  // senior attendings with capacity as mentors; attendings in their first years as peers.
  const rng = new Prng(ctx.seed + 1);
  const stage = (p: SyntheticPhysician) => p.body.careerStage;
  const mentees = people.filter((p) => {
    const s = stage(p);
    return (
      (s.stage === 'resident' && s.pgy >= 3) ||
      s.stage === 'fellow' ||
      (s.stage === 'early-career' && (s.yearsInPractice ?? 0) <= 1)
    );
  });
  const mentors = people.filter(
    (p) =>
      (stage(p).stage === 'mid-career' || stage(p).stage === 'senior') &&
      p.body.mentorTraining.completed &&
      !p.body.takingBreak &&
      p.body.mentoringCapacity > 0,
  );
  const peers = people.filter((p) => {
    const s = stage(p);
    return s.stage === 'early-career' && (s.yearsInPractice ?? 0) >= 2;
  });
  const take = <T>(items: T[], count: number) => items.slice(0, Math.min(items.length, count));
  const chosen = [
    ...take(mentees, scaled(160, ctx.scale, 4)).map((p) => ({
      p,
      side: 'mentee',
      roles: ['clinical', 'career', 'peer'],
    })),
    ...take(mentors, scaled(170, ctx.scale, 5)).map((p) => ({
      p,
      side: 'mentor',
      roles: rng.next() < 0.3 ? ['career'] : ['clinical', 'career'],
    })),
    ...take(peers, scaled(60, ctx.scale, 3)).map((p) => ({ p, side: 'peer', roles: ['peer'] })),
  ];
  const bar = new Progress('Northlake: enrollments', chosen.length);
  await ctx.phase('health system: enroll', () =>
    inPool(
      chosen,
      8,
      async ({ p, side, roles }) => {
        await ctx.api('profiles', '/enrollments', {
          token: admin,
          body: {
            programId,
            physicianId: ids[p.index],
            side,
            roles,
            topics: [
              MENTORING_TOPICS[rng.int(0, MENTORING_TOPICS.length - 1)],
              MENTORING_TOPICS[rng.int(0, MENTORING_TOPICS.length - 1)],
            ].filter((t, i, a) => a.indexOf(t) === i),
            ...(side === 'mentee' &&
              rng.next() < 0.1 && { preferences: { externalMentorOnly: true } }),
          },
        });
        facts.enrolled[side] = (facts.enrolled[side] ?? 0) + 1;
      },
      bar,
    ),
  );
  bar.finish();

  await ctx.phase('health system: match run (boards) and publish', () =>
    runAndPublish(ctx, facts, admin),
  );
  const proposed = await ctx.list<MatchView>(
    'matching',
    `/matches?programId=${programId}&status=proposed`,
    admin,
  );
  await ctx.phase('health system: accept, decline, rematch', () =>
    respond(ctx, facts, admin, proposed, 0.07),
  );
  return { facts, admin };
};
