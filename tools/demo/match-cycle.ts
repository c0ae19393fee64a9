// The steps both programs share once enrollment is over: start matching, run, publish, read
// the run's pairs, then the physicians answer their proposals (some decline, the admin
// rematches those seats, and the new pairs accept).
import { Topics } from '@medmentor/contracts';
import { Prng } from '../synthetic/prng';
import type { DemoContext, MatchView, ProgramFacts } from './demo-context';
import { inPool, Progress } from './progress';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Waits until matching has read every profiles event, then runs and publishes the match. */
export const runAndPublish = async (
  ctx: DemoContext,
  facts: ProgramFacts,
  admin: string,
): Promise<void> => {
  const bar = new Progress(`${facts.label}: matching reads enrollments`, 1);
  await ctx.watch.caughtUp(
    'matching',
    [Topics.ProfilesPhysician, Topics.ProfilesProgram, Topics.ProfilesEnrollment],
    900_000,
    (lag) => bar.set(0, lag),
  );
  bar.finish();
  await ctx.api('profiles', `/programs/${facts.programId}/start-matching`, {
    token: admin,
    method: 'POST',
  });
  // matching learns the program is now matching from the program event.
  await ctx.watch.caughtUp('matching', [Topics.ProfilesProgram]);
  const run = new Progress(`${facts.label}: ${facts.algorithm} match run`, 100);
  const started = await ctx.api<{ runId: string }>(
    'matching',
    `/programs/${facts.programId}/match-runs`,
    { token: admin, body: {} },
  );
  let view: Record<string, unknown> = {};
  for (;;) {
    view = (await ctx.api('matching', `/match-runs/${started.body.runId}`, { token: admin })).body;
    const progress = view.progress as { percent?: number } | undefined;
    run.set(progress?.percent ?? 0);
    if (view.status === 'completed') break;
    if (view.status === 'failed')
      throw new Error(`match run failed: ${JSON.stringify(view).slice(0, 500)}`);
    await pause(500);
  }
  run.finish();
  facts.run = {
    runId: started.body.runId,
    summary: view.summary as Record<string, unknown>,
    timings: view.timings as Record<string, unknown>,
    verified: (view.verification as { verified?: boolean } | undefined)?.verified === true,
  };
  facts.pairs = await ctx.list('matching', `/match-runs/${started.body.runId}/matches`, admin);
  const published = await ctx.api<{ proposed: number }>(
    'matching',
    `/match-runs/${started.body.runId}/publish`,
    { token: admin, method: 'POST' },
  );
  facts.proposed = published.body.proposed;
};

/**
 * The pairs of `matches` answer: about `declineShare` of them decline (the mentee or the
 * mentor, with a reason), the admin rematches each declined seat and the new pair accepts;
 * everyone else accepts on both sides.
 */
export const respond = async (
  ctx: DemoContext,
  facts: ProgramFacts,
  admin: string,
  matches: readonly MatchView[],
  declineShare: number,
): Promise<void> => {
  const rng = new Prng(ctx.seed + 17);
  const plan = matches.map((match) => ({
    match,
    decline: rng.next() < declineShare,
    byMentor: rng.next() < 0.5,
  }));
  const accept = async (match: MatchView): Promise<void> => {
    const sides = [match.menteeId, match.mentorId];
    for (const physicianId of sides) {
      const token = await ctx.as({
        tenantId: facts.tenantId,
        roles: [physicianId === match.menteeId ? 'mentee' : 'mentor'],
        physicianId,
      });
      await ctx.api('matching', `/matches/${match.matchId}/accept`, { token, method: 'POST' });
    }
    facts.accepted++;
    facts.activated.set(match.matchId, {
      acceptedAt: Date.now(),
      menteeId: match.menteeId,
      mentorId: match.mentorId,
    });
  };
  const bar = new Progress(`${facts.label}: physicians answer`, plan.length);
  await inPool(
    plan,
    8,
    async ({ match, decline, byMentor }) => {
      if (!decline) return accept(match);
      const physicianId = byMentor ? match.mentorId : match.menteeId;
      const token = await ctx.as({
        tenantId: facts.tenantId,
        roles: [byMentor ? 'mentor' : 'mentee'],
        physicianId,
      });
      await ctx.api('matching', `/matches/${match.matchId}/decline`, {
        token,
        body: {
          reason: byMentor
            ? 'No capacity this term'
            : 'Looking for a mentor closer to my subspecialty',
        },
      });
      facts.declined++;
      const next = await ctx.api<MatchView>('matching', `/matches/${match.matchId}/rematch`, {
        token: admin,
        method: 'POST',
        allow: [409, 422],
      });
      if (next.status !== 201) return;
      facts.rematched++;
      await accept(next.body);
    },
    bar,
  );
  bar.finish(`${facts.declined} declined, ${facts.rematched} rematched`);
  facts.responded = plan.length;
};
