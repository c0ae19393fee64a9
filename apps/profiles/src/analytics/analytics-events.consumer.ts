import { Injectable } from '@nestjs/common';
import type { MatchFacts, MeetingFacts } from '@medmentor/contracts';
import { EventHandler, type ConsumedEvent } from '@medmentor/messaging';
import type { MatchFact, MatchIdentity, MeetingStatus } from './match-record';
import { ProgramAnalyticsService } from './program-analytics.service';

type MatchEventType =
  | 'medmentor.matching.match.proposed'
  | 'medmentor.matching.match.accepted'
  | 'medmentor.matching.match.declined'
  | 'medmentor.matching.match.expired'
  | 'medmentor.matching.match.activated'
  | 'medmentor.matching.match.ended';

type MeetingEventType =
  | 'medmentor.scheduling.meeting.scheduled'
  | 'medmentor.scheduling.meeting.rescheduled'
  | 'medmentor.scheduling.meeting.cancelled'
  | 'medmentor.scheduling.meeting.completed';

const identityOf = (facts: MatchFacts): MatchIdentity => ({
  matchId: facts.matchId,
  programId: facts.programId,
  role: facts.role,
  menteeEnrollmentId: facts.menteeEnrollmentId,
});

const relationshipOf = (facts: Pick<MeetingFacts, 'matchId' | 'programId' | 'role'>) => ({
  matchId: facts.matchId,
  programId: facts.programId,
  role: facts.role,
});

/**
 * Matching's and scheduling's events that build the program analytics read model. The tenant
 * is the envelope's; every handler folds one fact into the match's record, so a redelivery
 * or an event arriving before an earlier one (they travel on different topics) is harmless.
 */
@Injectable()
export class AnalyticsEventsConsumer {
  constructor(private readonly analytics: ProgramAnalyticsService) {}

  @EventHandler('medmentor.matching.match.proposed')
  async onProposed(event: ConsumedEvent<'medmentor.matching.match.proposed'>): Promise<void> {
    await this.match(event, { kind: 'proposed', at: new Date(event.data.at) });
  }

  @EventHandler('medmentor.matching.match.accepted')
  async onAccepted(event: ConsumedEvent<'medmentor.matching.match.accepted'>): Promise<void> {
    await this.match(event, { kind: 'accepted', at: new Date(event.data.at), by: event.data.by });
  }

  @EventHandler('medmentor.matching.match.declined')
  async onDeclined(event: ConsumedEvent<'medmentor.matching.match.declined'>): Promise<void> {
    await this.match(event, { kind: 'declined', at: new Date(event.data.at) });
  }

  @EventHandler('medmentor.matching.match.expired')
  async onExpired(event: ConsumedEvent<'medmentor.matching.match.expired'>): Promise<void> {
    await this.match(event, { kind: 'expired', at: new Date(event.data.at) });
  }

  @EventHandler('medmentor.matching.match.activated')
  async onActivated(event: ConsumedEvent<'medmentor.matching.match.activated'>): Promise<void> {
    await this.match(event, { kind: 'activated', at: new Date(event.data.at) });
  }

  @EventHandler('medmentor.matching.match.ended')
  async onEnded(event: ConsumedEvent<'medmentor.matching.match.ended'>): Promise<void> {
    const { at, reason } = event.data;
    await this.match(event, { kind: 'ended', at: new Date(at), reason });
  }

  @EventHandler('medmentor.scheduling.meeting.scheduled')
  async onScheduled(event: ConsumedEvent<'medmentor.scheduling.meeting.scheduled'>): Promise<void> {
    await this.meeting(event, 'scheduled');
  }

  @EventHandler('medmentor.scheduling.meeting.rescheduled')
  async onRescheduled(
    event: ConsumedEvent<'medmentor.scheduling.meeting.rescheduled'>,
  ): Promise<void> {
    await this.meeting(event, 'scheduled');
  }

  @EventHandler('medmentor.scheduling.meeting.cancelled')
  async onCancelled(event: ConsumedEvent<'medmentor.scheduling.meeting.cancelled'>): Promise<void> {
    await this.meeting(event, 'cancelled');
  }

  @EventHandler('medmentor.scheduling.meeting.completed')
  async onCompleted(event: ConsumedEvent<'medmentor.scheduling.meeting.completed'>): Promise<void> {
    await this.meeting(event, 'completed');
  }

  @EventHandler('medmentor.scheduling.relationship.health-changed')
  async onHealthChanged(
    event: ConsumedEvent<'medmentor.scheduling.relationship.health-changed'>,
  ): Promise<void> {
    const { data } = event;
    await this.analytics.record(event.tenantid, data.tenantId, relationshipOf(data), {
      kind: 'health',
      at: new Date(data.at),
      health: data.health,
    });
  }

  @EventHandler('medmentor.scheduling.milestone.reached')
  async onMilestone(event: ConsumedEvent<'medmentor.scheduling.milestone.reached'>): Promise<void> {
    const { data } = event;
    await this.analytics.record(event.tenantid, data.tenantId, relationshipOf(data), {
      kind: 'milestone',
      at: new Date(data.at),
      milestone: data.milestone,
      ...(data.count !== undefined && { count: data.count }),
    });
  }

  @EventHandler('medmentor.scheduling.check-in.overdue')
  async onOverdue(event: ConsumedEvent<'medmentor.scheduling.check-in.overdue'>): Promise<void> {
    const { data } = event;
    await this.analytics.record(event.tenantid, data.tenantId, relationshipOf(data), {
      kind: 'overdue',
      dueBy: new Date(data.dueBy),
    });
  }

  private async match<T extends MatchEventType>(
    event: ConsumedEvent<T>,
    fact: MatchFact,
  ): Promise<void> {
    const data = event.data;
    await this.analytics.record(event.tenantid, data.tenantId, identityOf(data), fact);
  }

  private async meeting<T extends MeetingEventType>(
    event: ConsumedEvent<T>,
    status: MeetingStatus,
  ): Promise<void> {
    const data = event.data;
    await this.analytics.record(event.tenantid, data.tenantId, relationshipOf(data), {
      kind: 'meeting',
      meeting: {
        meetingId: data.meetingId,
        kind: data.kind,
        start: new Date(data.start),
        sequence: data.sequence,
        status,
      },
    });
  }
}
