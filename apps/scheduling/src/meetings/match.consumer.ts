import { Injectable } from '@nestjs/common';
import { EventHandler, type ConsumedEvent } from '@medmentor/messaging';
import { MeetingCancellationService } from './meeting-cancellation.service';
import { MeetingPlanner } from './meeting-planner.service';

/** Matching's lifecycle and profiles' erasures, as they concern meetings. */
@Injectable()
export class MatchConsumer {
  constructor(
    private readonly planner: MeetingPlanner,
    private readonly cancellation: MeetingCancellationService,
  ) {}

  @EventHandler('medmentor.matching.match.activated')
  onActivated(event: ConsumedEvent<'medmentor.matching.match.activated'>): Promise<void> {
    return this.planner.activate(event.data, {
      causationId: event.id,
      correlationId: event.correlationid,
    });
  }

  @EventHandler('medmentor.matching.match.ended')
  onEnded(event: ConsumedEvent<'medmentor.matching.match.ended'>): Promise<void> {
    return this.cancellation.endMatch(event.data, {
      causationId: event.id,
      correlationId: event.correlationid,
    });
  }

  @EventHandler('medmentor.profiles.physician.erased')
  onErased(event: ConsumedEvent<'medmentor.profiles.physician.erased'>): Promise<void> {
    return this.cancellation.erasePhysician(event.tenantid, event.data.physicianId, {
      causationId: event.id,
      correlationId: event.correlationid,
    });
  }
}
