import { Inject, Injectable } from '@nestjs/common';
import { AuditLog, type AuditSummary } from '@medmentor/audit';
import { hasRole, tenantFilter, type Principal } from '@medmentor/auth';
import type { MatchEndReason, MatchSide, OutgoingEvent } from '@medmentor/contracts';
import type { MentorshipRole } from '@medmentor/domain';
import type { FactorExplanation } from '@medmentor/matching-engine';
import { newId } from '@medmentor/domain';
import { toPage, type Page } from '@medmentor/platform';
import { Clock } from '../core/clock';
import { deterministicUuid } from '../core/deterministic-id';
import { MATCHING_CONFIG, type MatchingConfig } from '../core/matching-config';
import { MatchRunService } from '../runs/match-run.service';
import { RunMatchRepository } from '../runs/run-match.repository';
import { MatchRunRepository } from '../runs/match-run.repository';
import { ProgramNotFoundError } from '../runs/run-errors';
import { ProgramFactsLoader } from '../runs/program-facts.loader';
import type { ListMatchesQuery, ManualMatchDto, MatchView, PublishResult } from './dto/match.dto';
import {
  MatchNotFoundError,
  MatchStateError,
  NoMentorAvailableError,
  NotAParticipantError,
  RunNotPublishableError,
  SeatTakenError,
} from './match-errors';
import {
  matchAccepted,
  matchActivated,
  matchDeclined,
  matchEnded,
  matchExpired,
  matchProposed,
} from './match-events';
import { MatchRepository } from './match.repository';
import { matchView } from './match-view';
import { PairFinder } from './pair-finder';
import { LIVE_STATUSES, type Match, type MatchStatus } from './schemas/match.schema';

const MANAGERS = ['program-admin', 'org-admin', 'platform-admin'] as const;

export const isManager = (principal: Principal): boolean => hasRole(principal, ...MANAGERS);

const sideOf = (principal: Principal, match: Match): MatchSide | undefined =>
  principal.physicianId === match.menteeId
    ? 'mentee'
    : principal.physicianId === match.mentorId
      ? 'mentor'
      : undefined;

interface NewMatch {
  programId: string;
  role: MentorshipRole;
  menteeId: string;
  mentorId: string;
  menteeEnrollmentId: string;
  mentorEnrollmentId: string;
  score?: number;
  factors?: readonly FactorExplanation[];
}

@Injectable()
export class MatchService {
  constructor(
    private readonly matches: MatchRepository,
    private readonly runs: MatchRunRepository,
    private readonly runService: MatchRunService,
    private readonly runMatches: RunMatchRepository,
    private readonly facts: ProgramFactsLoader,
    private readonly pairs: PairFinder,
    private readonly clock: Clock,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
    private readonly audit: AuditLog,
  ) {}

  /**
   * Proposes every match of a completed, verified run. Each gets an id derived from the run and
   * the mentee's seat, so publishing again after a crash proposes nothing twice; a seat that
   * already has a live match is skipped.
   */
  async publish(principal: Principal, runId: string): Promise<PublishResult> {
    const run = await this.runService.find(principal, runId);
    if (run.status !== 'completed') throw new RunNotPublishableError(runId, `is ${run.status}`);
    if (run.verification?.verified !== true)
      throw new RunNotPublishableError(runId, 'failed its verification');
    if (run.publishedAt !== undefined)
      throw new RunNotPublishableError(runId, 'is already published');
    const now = this.clock.now();
    const deadline = this.deadlineFrom(now);
    let proposed = 0;
    let skipped = 0;
    for (const record of await this.runMatches.all(tenantFilter(principal, { runId }))) {
      const created = await this.create(
        principal,
        {
          ...record,
          factors: record.factors,
          programId: run.programId,
        },
        {
          origin: 'run',
          runId,
          id: deterministicUuid(`run:${runId}:${record.menteeEnrollmentId}:${record.role}`),
        },
        now,
        deadline,
      );
      if (created) proposed += 1;
      else skipped += 1;
    }
    await this.runs.markPublished(tenantFilter(principal, { _id: runId }), principal.subject, now);
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action: 'match-run.published',
      resource: { type: 'match-run', id: runId },
      summary: { programId: run.programId, proposed, skipped },
    });
    return { runId, proposed, skipped, responseDeadline: deadline.toISOString() };
  }

  async get(principal: Principal, matchId: string): Promise<MatchView> {
    return matchView(await this.findVisible(principal, matchId));
  }

  async list(principal: Principal, query: ListMatchesQuery): Promise<Page<MatchView>> {
    // A physician sees only their own matches, whatever filter they send.
    const physicianId = isManager(principal)
      ? query.physicianId
      : (principal.physicianId ?? '\u0000none');
    const docs = await this.matches.list(
      tenantFilter(principal, {
        ...(query.programId !== undefined && { programId: query.programId }),
        ...(query.status !== undefined && { status: query.status }),
        ...(physicianId !== undefined && { physicianId }),
      }),
      { limit: query.limit, ...(query.cursor && { after: query.cursor }) },
    );
    return toPage(docs, query.limit, matchView);
  }

  /** The physician themself accepts; the second acceptance activates the match. */
  async accept(principal: Principal, matchId: string): Promise<MatchView> {
    const match = await this.findVisible(principal, matchId);
    const side = sideOf(principal, match);
    if (side === undefined) throw new NotAParticipantError('accept');
    this.requireOpen(match, 'accepted');
    const acceptedAt = side === 'mentee' ? match.menteeAcceptedAt : match.mentorAcceptedAt;
    if (acceptedAt !== undefined) return matchView(match);
    const other = side === 'mentee' ? match.mentorAcceptedAt : match.menteeAcceptedAt;
    const now = this.clock.now();
    const field = side === 'mentee' ? 'menteeAcceptedAt' : 'mentorAcceptedAt';
    const status: MatchStatus = other === undefined ? 'proposed' : 'activated';
    const next: Match = {
      ...match,
      [field]: now,
      status,
      version: match.version + 1,
      updatedAt: now,
    };
    const events = [
      matchAccepted(next, side, now),
      ...(status === 'activated' ? [matchActivated(next, now)] : []),
    ];
    return this.apply(match, { [field]: now, status, updatedAt: now }, next, events, 'accepted');
  }

  async decline(principal: Principal, matchId: string, reason?: string): Promise<MatchView> {
    const match = await this.findVisible(principal, matchId);
    const side = sideOf(principal, match);
    if (side === undefined) throw new NotAParticipantError('decline');
    this.requireOpen(match, 'declined');
    const now = this.clock.now();
    const set: Partial<Match> = {
      status: 'declined',
      liveKey: match._id,
      declinedBy: side,
      ...(reason !== undefined && { declineReason: reason }),
      updatedAt: now,
    };
    const next: Match = { ...match, ...set, version: match.version + 1 };
    return this.apply(match, set, next, [matchDeclined(next, side, now, reason)], 'declined');
  }

  /** Expires one overdue proposal; false if someone (another replica, an answer) got there first. */
  async expire(match: Match, now: Date): Promise<boolean> {
    if (match.status !== 'proposed' || match.responseDeadline >= now) return false;
    const set: Partial<Match> = { status: 'expired', liveKey: match._id, updatedAt: now };
    const next: Match = { ...match, ...set, version: match.version + 1 };
    const result = await this.matches.transition(
      { tenantId: match.tenantId, _id: match._id, version: match.version, status: 'proposed' },
      set,
      [matchExpired(next, now)],
    );
    return result === 'updated';
  }

  /** An administrator undoes a proposed or active match. */
  async unmatch(principal: Principal, matchId: string): Promise<MatchView> {
    const match = await this.findVisible(principal, matchId);
    if (!LIVE_STATUSES.includes(match.status))
      throw new MatchStateError(matchId, match.status, 'unmatched');
    const view = await this.finish(match, 'unmatched', 'unmatched');
    await this.recordAudit(principal, 'match.unmatched', match, { from: match.status });
    return view;
  }

  /** Either physician (or an administrator) ends an active mentorship. */
  async end(principal: Principal, matchId: string): Promise<MatchView> {
    const match = await this.findVisible(principal, matchId);
    if (!isManager(principal) && sideOf(principal, match) === undefined)
      throw new NotAParticipantError('end');
    if (match.status !== 'activated') throw new MatchStateError(matchId, match.status, 'ended');
    const view = await this.finish(match, 'completed', 'ended');
    // A participant ending their own mentorship is no administrative action.
    if (sideOf(principal, match) === undefined)
      await this.recordAudit(principal, 'match.ended', match, { from: match.status });
    return view;
  }

  /** Ends a live match for a reason that is nobody's request (a side withdrew or was erased). */
  async endLive(match: Match, reason: MatchEndReason): Promise<void> {
    const now = this.clock.now();
    const set: Partial<Match> = {
      status: 'ended',
      liveKey: match._id,
      endReason: reason,
      updatedAt: now,
    };
    const next: Match = { ...match, ...set, version: match.version + 1 };
    await this.matches.transition(
      { tenantId: match.tenantId, _id: match._id, version: match.version, status: match.status },
      set,
      [matchEnded(next, reason, now)],
    );
  }

  /** After a decline or expiry: the next best available mentor for the same mentee seat. */
  async rematch(principal: Principal, matchId: string): Promise<MatchView> {
    const match = await this.findVisible(principal, matchId);
    if (match.status !== 'declined' && match.status !== 'expired')
      throw new MatchStateError(matchId, match.status, 'rematched');
    const facts = await this.facts.load(tenantFilter(principal, { programId: match.programId }));
    if (facts === null) throw new ProgramNotFoundError(match.programId);
    const best = this.pairs.nextBest(facts, match.menteeEnrollmentId, match.role, [match.mentorId]);
    if (best === undefined) throw new NoMentorAvailableError(match.menteeEnrollmentId);
    const view = await this.propose(principal, { ...best, programId: match.programId }, 'rematch');
    await this.recordAudit(principal, 'match.rematched', match, {
      from: match.status,
      newMatchId: view.matchId,
    });
    return view;
  }

  /** An administrator pairs two enrollments by hand (hard constraints still apply). */
  async manual(principal: Principal, programId: string, dto: ManualMatchDto): Promise<MatchView> {
    const facts = await this.facts.load(tenantFilter(principal, { programId }));
    if (facts === null) throw new ProgramNotFoundError(programId);
    const pair = this.pairs.checked(facts, dto);
    const view = await this.propose(principal, { ...pair, programId }, 'manual');
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action: 'match.created-manually',
      resource: { type: 'match', id: view.matchId },
      summary: {
        programId,
        role: pair.role,
        menteeEnrollmentId: pair.menteeEnrollmentId,
        mentorEnrollmentId: pair.mentorEnrollmentId,
      },
    });
    return view;
  }

  /**
   * A mentee asks a mentor: a proposal the mentee has already accepted, so the mentor's
   * acceptance activates it (or their decline ends it). Hard constraints apply as for any match.
   */
  async request(principal: Principal, programId: string, dto: ManualMatchDto): Promise<MatchView> {
    const facts = await this.facts.load(tenantFilter(principal, { programId }));
    if (facts === null) throw new ProgramNotFoundError(programId);
    const pair = this.pairs.checked(facts, dto);
    const now = this.clock.now();
    const doc = await this.create(
      principal,
      { ...pair, programId },
      { origin: 'self-match', id: newId(), menteeAcceptedAt: now },
      now,
      this.deadlineFrom(now),
    );
    if (doc === undefined) throw new SeatTakenError(pair.menteeEnrollmentId, pair.role);
    return matchView(doc);
  }

  private async propose(
    principal: Principal,
    fields: NewMatch,
    origin: 'rematch' | 'manual',
  ): Promise<MatchView> {
    const now = this.clock.now();
    const doc = await this.create(
      principal,
      fields,
      { origin, id: newId() },
      now,
      this.deadlineFrom(now),
    );
    if (doc === undefined) throw new SeatTakenError(fields.menteeEnrollmentId, fields.role);
    return matchView(doc);
  }

  private async create(
    principal: Principal,
    fields: NewMatch,
    how: { origin: Match['origin']; runId?: string; id: string; menteeAcceptedAt?: Date },
    now: Date,
    deadline: Date,
  ): Promise<Match | undefined> {
    const doc: Match = {
      _id: how.id,
      tenantId: principal.tenantId,
      programId: fields.programId,
      role: fields.role,
      menteeId: fields.menteeId,
      mentorId: fields.mentorId,
      menteeEnrollmentId: fields.menteeEnrollmentId,
      mentorEnrollmentId: fields.mentorEnrollmentId,
      origin: how.origin,
      ...(how.runId !== undefined && { runId: how.runId }),
      status: 'proposed',
      liveKey: 'live',
      responseDeadline: deadline,
      ...(how.menteeAcceptedAt !== undefined && { menteeAcceptedAt: how.menteeAcceptedAt }),
      ...(fields.score !== undefined && { score: fields.score }),
      ...(fields.factors !== undefined && { factors: [...fields.factors] }),
      createdBy: principal.subject,
      version: 1,
      createdAt: now,
      updatedAt: now,
    };
    const events = [
      matchProposed(doc, now),
      ...(how.menteeAcceptedAt !== undefined ? [matchAccepted(doc, 'mentee', now)] : []),
    ];
    return (await this.matches.insert(doc, events)) ? doc : undefined;
  }

  private async finish(match: Match, reason: MatchEndReason, action: string): Promise<MatchView> {
    const now = this.clock.now();
    const set: Partial<Match> = {
      status: 'ended',
      liveKey: match._id,
      endReason: reason,
      updatedAt: now,
    };
    const next: Match = { ...match, ...set, version: match.version + 1 };
    return this.apply(match, set, next, [matchEnded(next, reason, now)], action);
  }

  private async apply(
    match: Match,
    set: Partial<Match>,
    next: Match,
    events: OutgoingEvent[],
    action: string,
  ): Promise<MatchView> {
    const result = await this.matches.transition(
      { tenantId: match.tenantId, _id: match._id, version: match.version, status: match.status },
      set,
      events,
    );
    if (result === 'stale') {
      const now = await this.matches.find({ tenantId: match.tenantId, _id: match._id });
      throw new MatchStateError(
        match._id,
        now?.status ?? 'gone',
        `${action} (it changed meanwhile)`,
      );
    }
    return matchView(next);
  }

  private async recordAudit(
    principal: Principal,
    action: string,
    match: Match,
    summary: AuditSummary,
  ): Promise<void> {
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action,
      resource: { type: 'match', id: match._id },
      summary: { programId: match.programId, role: match.role, ...summary },
    });
  }

  private requireOpen(match: Match, action: string): void {
    if (match.status !== 'proposed') throw new MatchStateError(match._id, match.status, action);
    if (match.responseDeadline < this.clock.now())
      throw new MatchStateError(match._id, 'past its response deadline', action);
  }

  private deadlineFrom(now: Date): Date {
    return new Date(now.getTime() + this.config.MATCH_RESPONSE_HOURS * 3_600_000);
  }

  /** Administrators see every match of the tenant; a physician only their own (else 404). */
  private async findVisible(principal: Principal, matchId: string): Promise<Match> {
    const match = await this.matches.find(tenantFilter(principal, { _id: matchId }));
    if (match === null || (!isManager(principal) && sideOf(principal, match) === undefined))
      throw new MatchNotFoundError(matchId);
    return match;
  }
}
