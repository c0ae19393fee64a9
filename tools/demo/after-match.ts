// What follows the matches: scheduling plans kickoffs and check-ins, invitations go out, then
// the demo moves scheduling's calendar past the kickoffs so pairs hold them, give feedback and
// reach milestones, and one mentorship ends early.
import { createHash } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { Topics } from '@medmentor/contracts';
import { waitFor } from '@medmentor/testing';
import { Prng } from '../synthetic/prng';
import type { DemoContext, ProgramFacts } from './demo-context';
import { inPool, Progress } from './progress';

const DAY = 86_400_000;

export interface AfterMatchFacts {
  kickoffsScheduled: number;
  noCommonSlot: number;
  meetingsScheduled: number;
  /** Latency samples in ms. */
  activationToKickoff: number[];
  kickoffToInvitation: number[];
  acceptToInvitation: number[];
  invitationsAwaited: number;
  held: number;
  feedback: number[];
  actionItems: number;
  milestones: Record<string, number>;
  endedMatchId?: string;
  clockDays: number;
}

interface MailboxMessage {
  id: string;
  date: string;
  messageId?: string;
}

/** Reads the mailbox incrementally (`after=<id>`), keeping when each Message-ID arrived. */
export class Mailbox {
  readonly arrived = new Map<string, number>();
  private last: string | undefined;

  constructor(readonly url: string) {}

  async poll(): Promise<number> {
    const response = await fetch(
      `${this.url}/messages${this.last ? `?after=${encodeURIComponent(this.last)}` : ''}`,
    );
    const messages = (await response.json()) as MailboxMessage[];
    for (const message of messages) {
      if (message.messageId) this.arrived.set(message.messageId, Date.parse(message.date));
      this.last = message.id;
    }
    return this.arrived.size;
  }

  async count(): Promise<number> {
    const health = (await (await fetch(`${this.url}/health`)).json()) as { messages: number };
    return health.messages;
  }
}

/** The Message-ID notifications gives the email of one event to one physician. */
const emailMessageId = (eventId: string, physicianId: string): string =>
  `<${createHash('sha256').update(`${eventId}:p:${physicianId}:email`).digest('hex').slice(0, 32)}@medmentor.notifications>`;

export const afterMatch = async (
  ctx: DemoContext,
  programs: { facts: ProgramFacts; admin: string }[],
  mailbox: Mailbox,
  clockFile: string,
): Promise<AfterMatchFacts> => {
  const out: AfterMatchFacts = {
    kickoffsScheduled: 0,
    noCommonSlot: 0,
    meetingsScheduled: 0,
    activationToKickoff: [],
    kickoffToInvitation: [],
    acceptToInvitation: [],
    invitationsAwaited: 0,
    held: 0,
    feedback: [],
    actionItems: 0,
    milestones: {},
    clockDays: 0,
  };
  const activated = new Map(programs.flatMap(({ facts }) => [...facts.activated]));

  // 1. Scheduling plans every activated match: a kickoff, or "no common slot".
  const planned = new Progress('scheduling: kickoffs planned', activated.size);
  await ctx.phase('scheduling: kickoffs and check-ins planned', () =>
    waitFor(
      () => {
        const kickoffs = new Set(
          ctx.watch
            .of('medmentor.scheduling.meeting.scheduled')
            .filter((e) => e.data.kind === 'kickoff')
            .map((e) => e.data.matchId as string),
        );
        const stuck = new Set(
          ctx.watch.of('medmentor.scheduling.slot.not-found').map((e) => e.data.matchId as string),
        );
        const done = [...activated.keys()].filter((id) => kickoffs.has(id) || stuck.has(id)).length;
        planned.set(done);
        return done >= activated.size;
      },
      {
        timeoutMs: 1_800_000,
        intervalMs: 500,
        description: 'scheduling to plan every activated match',
      },
    ),
  );
  planned.finish();
  const scheduled = ctx.watch
    .of('medmentor.scheduling.meeting.scheduled')
    .filter((e) => activated.has(e.data.matchId as string));
  const kickoffs = scheduled.filter((e) => e.data.kind === 'kickoff');
  out.kickoffsScheduled = kickoffs.length;
  out.meetingsScheduled = scheduled.length;
  out.noCommonSlot = ctx.watch
    .of('medmentor.scheduling.slot.not-found')
    .filter((e) => activated.has(e.data.matchId as string)).length;
  const activations = new Map(
    ctx.watch
      .of('medmentor.matching.match.activated')
      .map((e) => [e.data.matchId as string, e.time]),
  );
  for (const kickoff of kickoffs) {
    const at = activations.get(kickoff.data.matchId as string);
    if (at !== undefined) out.activationToKickoff.push(kickoff.time - at);
  }

  // 2. The kickoff invitations reach the mailbox (a sample of them, to time the whole path).
  const rng = new Prng(ctx.seed + 5);
  const sample = kickoffs.filter(
    () => rng.next() < Math.min(1, 120 / Math.max(1, kickoffs.length)),
  );
  out.invitationsAwaited = sample.length * 2;
  const invitations = new Progress(
    'notifications: sampled invitations in the mailbox',
    sample.length * 2,
  );
  await ctx.phase('notifications: sampled kickoff invitations delivered', async () => {
    // Stops waiting when nothing more arrives for a minute (the report counts what did).
    let seen = -1;
    let lastProgress = Date.now();
    await waitFor(
      async () => {
        await mailbox.poll();
        const arrived = sample
          .flatMap((e) =>
            [e.data.menteeId, e.data.mentorId].map((p) =>
              mailbox.arrived.get(emailMessageId(e.id, p as string)),
            ),
          )
          .filter((t) => t !== undefined);
        invitations.set(arrived.length);
        if (arrived.length > seen) [seen, lastProgress] = [arrived.length, Date.now()];
        return arrived.length >= sample.length * 2 || Date.now() - lastProgress > 60_000;
      },
      { timeoutMs: 900_000, intervalMs: 1000, description: 'the sampled invitations to arrive' },
    ).catch(() => undefined);
  });
  invitations.finish();
  for (const kickoff of sample) {
    for (const physicianId of [kickoff.data.menteeId, kickoff.data.mentorId] as string[]) {
      const arrived = mailbox.arrived.get(emailMessageId(kickoff.id, physicianId));
      if (arrived === undefined) continue;
      out.kickoffToInvitation.push(arrived - kickoff.time);
      const accepted = activated.get(kickoff.data.matchId as string)?.acceptedAt;
      if (accepted !== undefined) out.acceptToInvitation.push(arrived - accepted);
    }
  }

  // 3. Fifteen days later on scheduling's calendar: every kickoff has taken place.
  out.clockDays = 15;
  writeFileSync(clockFile, String(out.clockDays * DAY));
  await new Promise((resolve) => setTimeout(resolve, 1500));
  const tenantOf = new Map(
    programs.flatMap(({ facts }) =>
      [...facts.activated.keys()].map((id) => [id, facts.tenantId] as const),
    ),
  );
  const held = kickoffs
    .filter(() => rng.next() < 0.6)
    .slice(0, Math.max(3, Math.round(250 * ctx.scale)));
  const meetings = new Progress('pairs hold kickoffs, give feedback', held.length);
  await ctx.phase('pairs hold kickoffs and give feedback', () =>
    inPool(
      held,
      6,
      async (kickoff) => {
        const tenantId = tenantOf.get(kickoff.data.matchId as string) as string;
        const mentee = await ctx.as({
          tenantId,
          roles: ['mentee'],
          physicianId: kickoff.data.menteeId as string,
        });
        const mentor = await ctx.as({
          tenantId,
          roles: ['mentor'],
          physicianId: kickoff.data.mentorId as string,
        });
        const meetingId = kickoff.data.meetingId as string;
        await ctx.api('scheduling', `/meetings/${encodeURIComponent(meetingId)}/complete`, {
          token: mentor,
          method: 'POST',
        });
        out.held++;
        await ctx.api('scheduling', `/meetings/${encodeURIComponent(meetingId)}/action-items`, {
          token: mentor,
          body: { text: 'Draft a one-page development plan', ownerId: kickoff.data.menteeId },
        });
        out.actionItems++;
        for (const [token, rating] of [
          [mentee, rng.next() < 0.7 ? 5 : 4],
          [mentor, rng.next() < 0.2 ? 3 : rng.next() < 0.6 ? 4 : 5],
        ] as const) {
          if (rng.next() < 0.15) continue; // not everyone leaves feedback
          await ctx.api('scheduling', `/meetings/${encodeURIComponent(meetingId)}/feedback`, {
            token,
            body: {
              rating,
              comment:
                rating >= 4 ? 'Concrete next steps, thank you' : 'Good start, we ran out of time',
            },
          });
          out.feedback.push(rating);
        }
      },
      meetings,
    ),
  );
  meetings.finish();

  // 4. One mentorship stops: the mentee ends it; its meetings ahead are cancelled.
  const first = programs[0].facts;
  const ending = [...first.activated].find(([id]) => !held.some((k) => k.data.matchId === id));
  if (ending) {
    const [matchId, pair] = ending;
    const token = await ctx.as({
      tenantId: first.tenantId,
      roles: ['mentee'],
      physicianId: pair.menteeId,
    });
    await ctx.api('matching', `/matches/${matchId}/end`, { token, method: 'POST' });
    out.endedMatchId = matchId;
  }

  // 5. Scheduling's timer reviews the pairs: first meetings held are milestones.
  const reached = new Progress('scheduling: milestones for meetings held', held.length);
  await waitFor(
    () => {
      const count = ctx.watch
        .of('medmentor.scheduling.milestone.reached')
        .filter((e) => e.data.milestone === 'first-meeting-held').length;
      reached.set(count);
      return count >= held.length;
    },
    { timeoutMs: 30_000, intervalMs: 500, description: 'first-meeting milestones' },
  ).catch(() => undefined);
  reached.finish();
  for (const event of ctx.watch.of('medmentor.scheduling.milestone.reached')) {
    const key = String(event.data.milestone);
    out.milestones[key] = (out.milestones[key] ?? 0) + 1;
  }

  // 6. Profiles' analytics read model catches up with matching's and scheduling's events.
  await ctx.watch
    .caughtUp('profiles', [
      Topics.MatchingMatch,
      Topics.SchedulingMeeting,
      Topics.SchedulingRelationship,
    ])
    .catch(() => undefined);
  for (const { facts, admin } of programs) {
    const to = new Date(Date.now() + (out.clockDays + 1) * DAY).toISOString();
    facts.analytics = (
      await ctx.api(
        'profiles',
        `/programs/${facts.programId}/analytics?to=${encodeURIComponent(to)}`,
        { token: admin },
      )
    ).body;
  }
  return out;
};
