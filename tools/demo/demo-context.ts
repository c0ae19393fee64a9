// What the scenarios share: the stack, the event watch, and the facts the report is made of.
import type { ServiceName } from '@medmentor/testing';
import { call, listAll, type CallOptions } from './demo-http';
import type { DemoStack, TokenClaims } from './demo-stack';
import type { EventWatch } from './kafka-watch';

export interface MatchView {
  matchId: string;
  status: string;
  role: string;
  menteeId: string;
  mentorId: string;
  programId: string;
}

export interface ProgramFacts {
  label: string;
  tenantId: string;
  programId: string;
  algorithm: string;
  physicians: number;
  enrolled: Record<string, number>;
  rankLists?: number;
  run: {
    runId: string;
    summary: Record<string, unknown>;
    timings: Record<string, unknown>;
    verified: boolean;
  };
  proposed: number;
  /** The run's pairs: score, and for national runs the rank each side gave the other. */
  pairs: { score: number; menteeRank?: number; mentorRank?: number; role: string }[];
  /** Matches whose pair was asked to answer (all, or a sample in the national program). */
  responded: number;
  accepted: number;
  declined: number;
  rematched: number;
  /** Matches activated, with the instant the second acceptance was answered. */
  activated: Map<string, { acceptedAt: number; menteeId: string; mentorId: string }>;
  analytics?: Record<string, unknown>;
  notes: string[];
}

export interface Phase {
  name: string;
  seconds: number;
}

export class DemoContext {
  readonly phases: Phase[] = [];
  readonly programs: ProgramFacts[] = [];
  readonly started = Date.now();

  constructor(
    readonly stack: DemoStack,
    readonly watch: EventWatch,
    readonly seed: number,
    readonly scale: number,
    /** Suffix that keeps tenant ids apart when the demo runs twice on one database. */
    readonly runTag: string,
  ) {}

  async as(claims: TokenClaims): Promise<string> {
    return this.stack.token(claims);
  }

  api<T = Record<string, unknown>>(service: ServiceName, path: string, options: CallOptions) {
    return call<T>(`${this.stack.url(service)}${path}`, options);
  }

  list<T>(service: ServiceName, path: string, token: string): Promise<T[]> {
    return listAll<T>(`${this.stack.url(service)}${path}`, token);
  }

  async phase<T>(name: string, work: () => Promise<T>): Promise<T> {
    const started = Date.now();
    const result = await work();
    this.phases.push({ name, seconds: (Date.now() - started) / 1000 });
    return result;
  }
}

const DAY = 86_400_000;

/**
 * Creates a program whose enrollment is open now (closing in two days, matching the day after),
 * with a kickoff within two weeks and reminders a day ahead, and publishes it.
 */
export const publishProgram = async (
  ctx: DemoContext,
  admin: string,
  body: Record<string, unknown>,
): Promise<string> => {
  const now = Date.now();
  const closes = new Date(now + 2 * DAY).toISOString();
  const program = await ctx.api<{ id: string }>('profiles', '/programs', {
    token: admin,
    body: {
      ...body,
      kickoffWindowDays: 14,
      reminderOffsetsMinutes: [1440],
      cycle: {
        enrollmentOpensAt: new Date(now - DAY).toISOString(),
        enrollmentClosesAt: closes,
        ...(body.matchingMode === 'national-ranked' && { rankListsDueAt: closes }),
        matchDate: new Date(now + 3 * DAY).toISOString(),
      },
    },
  });
  await ctx.api('profiles', `/programs/${program.body.id}/publish`, {
    token: admin,
    method: 'POST',
  });
  return program.body.id;
};

/** A program's facts before anything has happened to it. */
export const newProgramFacts = (
  fields: Pick<ProgramFacts, 'label' | 'tenantId' | 'programId' | 'algorithm' | 'physicians'>,
): ProgramFacts => ({
  ...fields,
  enrolled: {},
  run: { runId: '', summary: {}, timings: {}, verified: false },
  proposed: 0,
  pairs: [],
  responded: 0,
  accepted: 0,
  declined: 0,
  rematched: 0,
  activated: new Map(),
  notes: [],
});

/** Shrinks a population, keeping at least `min`. */
export const scaled = (full: number, scale: number, min: number): number =>
  Math.max(min, Math.round(full * scale));
