import { Injectable } from '@nestjs/common';
import { EventHandler, type ConsumedEvent } from '@medmentor/messaging';
import { NotificationPlanner } from '../delivery/notification-planner.service';
import {
  planMatchAccepted,
  planMatchActivated,
  planMatchDeclined,
  planMatchEnded,
  planMatchExpired,
  planMatchProposed,
  planRunCompleted,
} from './matching.planners';
import {
  planEnrollmentConfirmed,
  planEnrollmentWithdrawn,
  planRankListFrozen,
} from './profiles.planners';
import {
  planCheckInOverdue,
  planHealthChanged,
  planMeetingCancelled,
  planMeetingRescheduled,
  planMeetingScheduled,
  planMilestone,
  planNoCommonSlot,
  planReminderDue,
} from './scheduling.planners';

/**
 * One handler per event kind that produces messages: each hands the planned messages to the
 * planner. A new kind is a method here, a planner function and its templates.
 */
@Injectable()
export class NotificationEventsConsumer {
  constructor(private readonly planner: NotificationPlanner) {}

  @EventHandler('medmentor.profiles.enrollment.submitted')
  onEnrollmentSubmitted(
    event: ConsumedEvent<'medmentor.profiles.enrollment.submitted'>,
  ): Promise<void> {
    return this.planner.plan(event, planEnrollmentConfirmed(event.data));
  }

  @EventHandler('medmentor.profiles.enrollment.withdrawn')
  onEnrollmentWithdrawn(
    event: ConsumedEvent<'medmentor.profiles.enrollment.withdrawn'>,
  ): Promise<void> {
    return this.planner.plan(event, planEnrollmentWithdrawn(event.data));
  }

  @EventHandler('medmentor.profiles.rank-list.frozen')
  onRankListFrozen(event: ConsumedEvent<'medmentor.profiles.rank-list.frozen'>): Promise<void> {
    return this.planner.plan(event, planRankListFrozen(event.data));
  }

  @EventHandler('medmentor.matching.match.proposed')
  onMatchProposed(event: ConsumedEvent<'medmentor.matching.match.proposed'>): Promise<void> {
    return this.planner.plan(event, planMatchProposed(event.data));
  }

  @EventHandler('medmentor.matching.match.accepted')
  onMatchAccepted(event: ConsumedEvent<'medmentor.matching.match.accepted'>): Promise<void> {
    return this.planner.plan(event, planMatchAccepted(event.data));
  }

  @EventHandler('medmentor.matching.match.declined')
  onMatchDeclined(event: ConsumedEvent<'medmentor.matching.match.declined'>): Promise<void> {
    return this.planner.plan(event, planMatchDeclined(event.data));
  }

  @EventHandler('medmentor.matching.match.expired')
  onMatchExpired(event: ConsumedEvent<'medmentor.matching.match.expired'>): Promise<void> {
    return this.planner.plan(event, planMatchExpired(event.data));
  }

  @EventHandler('medmentor.matching.match.activated')
  onMatchActivated(event: ConsumedEvent<'medmentor.matching.match.activated'>): Promise<void> {
    return this.planner.plan(event, planMatchActivated(event.data));
  }

  @EventHandler('medmentor.matching.match.ended')
  onMatchEnded(event: ConsumedEvent<'medmentor.matching.match.ended'>): Promise<void> {
    return this.planner.plan(event, planMatchEnded(event.data));
  }

  @EventHandler('medmentor.matching.run.completed')
  onRunCompleted(event: ConsumedEvent<'medmentor.matching.run.completed'>): Promise<void> {
    return this.planner.plan(event, planRunCompleted(event.data));
  }

  @EventHandler('medmentor.scheduling.meeting.scheduled')
  onMeetingScheduled(
    event: ConsumedEvent<'medmentor.scheduling.meeting.scheduled'>,
  ): Promise<void> {
    return this.planner.plan(event, planMeetingScheduled(event.data));
  }

  @EventHandler('medmentor.scheduling.meeting.rescheduled')
  onMeetingRescheduled(
    event: ConsumedEvent<'medmentor.scheduling.meeting.rescheduled'>,
  ): Promise<void> {
    return this.planner.plan(event, planMeetingRescheduled(event.data));
  }

  @EventHandler('medmentor.scheduling.meeting.cancelled')
  onMeetingCancelled(
    event: ConsumedEvent<'medmentor.scheduling.meeting.cancelled'>,
  ): Promise<void> {
    return this.planner.plan(event, planMeetingCancelled(event.data));
  }

  @EventHandler('medmentor.scheduling.reminder.due')
  onReminderDue(event: ConsumedEvent<'medmentor.scheduling.reminder.due'>): Promise<void> {
    return this.planner.plan(event, planReminderDue(event.data));
  }

  @EventHandler('medmentor.scheduling.slot.not-found')
  onNoCommonSlot(event: ConsumedEvent<'medmentor.scheduling.slot.not-found'>): Promise<void> {
    return this.planner.plan(event, planNoCommonSlot(event.data));
  }

  @EventHandler('medmentor.scheduling.check-in.overdue')
  onCheckInOverdue(event: ConsumedEvent<'medmentor.scheduling.check-in.overdue'>): Promise<void> {
    return this.planner.plan(event, planCheckInOverdue(event.data));
  }

  @EventHandler('medmentor.scheduling.relationship.health-changed')
  onHealthChanged(
    event: ConsumedEvent<'medmentor.scheduling.relationship.health-changed'>,
  ): Promise<void> {
    return this.planner.plan(event, planHealthChanged(event.data));
  }

  @EventHandler('medmentor.scheduling.milestone.reached')
  onMilestone(event: ConsumedEvent<'medmentor.scheduling.milestone.reached'>): Promise<void> {
    return this.planner.plan(event, planMilestone(event.data));
  }
}
