// The specialty society: a national match of about 5,000 mentees and 1,500 mentors who submit
// ranked lists, matched by stable matching (deferred acceptance, mentees proposing).
import { waitFor } from '@medmentor/testing';
import { generatePhysicians } from '../synthetic/physicians';
import { generateRankLists } from '../synthetic/rank-lists';
import {
  newProgramFacts,
  publishProgram,
  scaled,
  type DemoContext,
  type MatchView,
  type ProgramFacts,
} from './demo-context';
import { registerPhysicians } from './health-system';
import { respond, runAndPublish } from './match-cycle';
import { inPool, Progress } from './progress';

/** How many national matches answer during the demo (scheduling plans 13-18 matches/s here, and each match is mail to send). */
export const nationalSample = (scale: number): number => scaled(300, scale, 6);

export const society = async (
  ctx: DemoContext,
): Promise<{ facts: ProgramFacts; admin: string }> => {
  const tenantId = `ascp-society-${ctx.runTag}`;
  const platform = await ctx.as({ roles: ['platform-admin'], subject: 'demo-platform' });
  await ctx.api('profiles', '/tenants', {
    token: platform,
    body: {
      id: tenantId,
      name: 'American Society of Clinical Physicians',
      slug: tenantId,
      kind: 'specialty-society',
      timeZone: 'America/New_York',
    },
  });
  const admin = await ctx.as({
    tenantId,
    roles: ['org-admin', 'program-admin'],
    subject: 'demo-society-admin',
  });
  const menteeCount = scaled(5000, ctx.scale, 12);
  const mentorCount = scaled(1500, ctx.scale, 5);
  const mentees = generatePhysicians({
    count: menteeCount,
    seed: ctx.seed + 2,
    emailDomain: 'members.ascp.example.org',
    stages: ['student', 'resident', 'fellow', 'early-career'],
    npiBase: 4_000_000,
  });
  const mentors = generatePhysicians({
    count: mentorCount,
    seed: ctx.seed + 3,
    emailDomain: 'faculty.ascp.example.org',
    stages: ['mid-career', 'senior'],
    npiBase: 6_000_000,
  }).map((p) => ({
    ...p,
    body: {
      ...p.body,
      mentoringCapacity: Math.max(1, p.body.mentoringCapacity),
      takingBreak: false,
    },
  }));
  const menteeIds = await ctx.phase('society: register mentees', () =>
    registerPhysicians(ctx, 'Society mentees', mentees, admin),
  );
  const mentorIds = await ctx.phase('society: register mentors', () =>
    registerPhysicians(ctx, 'Society mentors', mentors, admin),
  );

  const programId = await publishProgram(ctx, admin, {
    name: 'National Mentorship Match 2027',
    objectives: ['job-search', 'leadership'],
    kind: 'national',
    matchingMode: 'national-ranked',
    rolesOffered: [{ role: 'career', perMentee: 1 }],
    cadence: [{ every: 'month', count: 6 }, { every: 'quarter' }],
  });
  const facts = newProgramFacts({
    label: 'Society',
    tenantId,
    programId,
    algorithm: 'deferred-acceptance',
    physicians: menteeCount + mentorCount,
  });

  // Every participant enrolls themself with their own token.
  const everyone = [
    ...menteeIds.map((id) => ({ id, side: 'mentee' as const })),
    ...mentorIds.map((id) => ({ id, side: 'mentor' as const })),
  ];
  const bar = new Progress('Society: participants enroll', everyone.length);
  const enrollments = await ctx.phase('society: enroll', () =>
    inPool(
      everyone,
      8,
      async ({ id, side }) => {
        const token = await ctx.as({ tenantId, roles: [side], physicianId: id });
        const body = {
          programId,
          side,
          roles: ['career'],
          topics:
            side === 'mentee'
              ? ['job-search', 'contract-negotiation']
              : ['career-transition', 'job-search'],
        };
        const reply = await ctx.api<{ id: string; version: number }>('profiles', '/enrollments', {
          token,
          body,
        });
        facts.enrolled[side] = (facts.enrolled[side] ?? 0) + 1;
        return { ...reply.body, physicianId: id, side, token };
      },
      bar,
    ),
  );
  bar.finish();

  const lists = generateRankLists(
    mentees.map((p) => p.body),
    mentors.map((p) => p.body),
    { seed: ctx.seed + 4 },
  );
  const menteeEnrollments = enrollments.slice(0, menteeIds.length);
  const mentorEnrollments = enrollments.slice(menteeIds.length);
  const submissions = [
    ...menteeEnrollments.map((e, i) => ({
      e,
      ranks: lists.mentees[i].map((j) => mentorEnrollments[j].id),
    })),
    ...mentorEnrollments.map((e, j) => ({
      e,
      ranks: lists.mentors[j].map((i) => menteeEnrollments[i].id),
    })),
  ].filter(({ ranks }) => ranks.length > 0);
  const ranked = new Progress('Society: rank lists submitted', submissions.length);
  await ctx.phase('society: rank lists', () =>
    inPool(
      submissions,
      8,
      ({ e, ranks }) =>
        ctx.api('profiles', `/enrollments/${e.id}/rank-list`, {
          token: e.token,
          method: 'PUT',
          body: { version: e.version, ranks },
        }),
      ranked,
    ),
  );
  ranked.finish();
  facts.rankLists = submissions.length;

  // The deadline arrives: enrollment closes and profiles freezes every list (its sweep runs each second here).
  await ctx.phase('society: deadline, lists frozen', async () => {
    const current = await ctx.api<{ version: number; cycle: Record<string, string> }>(
      'profiles',
      `/programs/${programId}`,
      { token: admin },
    );
    const due = new Date(Date.now() + 2000).toISOString();
    await ctx.api('profiles', `/programs/${programId}`, {
      token: admin,
      method: 'PATCH',
      body: {
        version: current.body.version,
        cycle: {
          ...current.body.cycle,
          enrollmentClosesAt: due,
          rankListsDueAt: due,
          matchDate: new Date(Date.now() + 3000).toISOString(),
        },
      },
    });
    const frozen = new Progress('Society: rank lists frozen', everyone.length);
    await waitFor(
      () => {
        const count = ctx.watch
          .of('medmentor.profiles.rank-list.frozen')
          .filter((e) => e.data.programId === programId).length;
        frozen.set(count);
        return count >= everyone.length;
      },
      { timeoutMs: 900_000, intervalMs: 500, description: 'every rank list to be frozen' },
    );
    frozen.finish();
  });

  await ctx.phase('society: stable match run and publish', () => runAndPublish(ctx, facts, admin));
  // The whole cohort is proposed (both sides get the critical proposal email); the demo plays
  // the answers of a sample, since scheduling the whole cohort would take about
  // proposed / 5 s on this FerretDB. The others stay proposed within their response window.
  const proposed = await ctx.list<MatchView>(
    'matching',
    `/matches?programId=${programId}&status=proposed`,
    admin,
  );
  const sample = proposed.slice(0, nationalSample(ctx.scale));
  if (sample.length < proposed.length)
    facts.notes.push(
      `answers played for a sample of ${sample.length} of ${proposed.length} proposed matches; the others stay proposed within their 7-day response window, so meetings are scheduled only for the sample`,
    );
  await ctx.phase('society: sample answers', () => respond(ctx, facts, admin, sample, 0.1));
  return { facts, admin };
};
