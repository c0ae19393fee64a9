import { Inject, Injectable } from '@nestjs/common';
import type { MatchFacts, MeetingCancelReason } from '@medmentor/contracts';
import { BusyService } from '../busy/busy.service';
import { CLOCK, type Clock } from '../config/clock';
import { DirectoryService } from '../directory/directory.service';
import { meetingEvent, type EventCause } from './meeting-events';
import { MatchRepository } from './match.repository';
import { MeetingRepository } from './meeting.repository';
import type { Meeting } from './schemas/meeting.schema';

/** Ends matches and erases physicians: their meetings still ahead are cancelled, once each. */
@Injectable()
export class MeetingCancellationService {
  constructor(
    private readonly matches: MatchRepository,
    private readonly meetings: MeetingRepository,
    private readonly directory: DirectoryService,
    private readonly busy: BusyService,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async endMatch(facts: MatchFacts, cause: EventCause): Promise<void> {
    const now = this.clock.now();
    await this.matches.end({ tenantId: facts.tenantId, _id: facts.matchId }, new Date(facts.at));
    // Also after a crash between the two steps: cancelling is conditional on each meeting's state.
    const future = (
      await this.meetings.ofMatch({ tenantId: facts.tenantId, matchId: facts.matchId })
    ).filter((m) => m.status === 'scheduled' && m.start > now);
    const reason: MeetingCancelReason =
      'reason' in facts && facts.reason === 'program-closed' ? 'program-closed' : 'match-ended';
    await this.cancelAll(future, reason, cause);
  }

  async erasePhysician(tenantId: string, physicianId: string, cause: EventCause): Promise<void> {
    await this.directory.erasePhysician(tenantId, physicianId);
    await this.busy.erase(tenantId, physicianId);
    const future = await this.meetings.futureOfPhysician({
      tenantId,
      physicianId,
      after: this.clock.now(),
    });
    await this.cancelAll(future, 'physician-erased', cause);
  }

  /** Cancels one meeting in the state it was read in; false when it changed meanwhile. */
  cancel(
    meeting: Meeting,
    reason: MeetingCancelReason,
    cause: EventCause,
    byPhysicianId?: string,
  ): Promise<boolean> {
    const cancelled: Meeting = {
      ...meeting,
      status: 'cancelled',
      sequence: meeting.sequence + 1,
      cancelReason: reason,
    };
    return this.meetings.updateIf(
      {
        tenantId: meeting.tenantId,
        _id: meeting._id,
        status: 'scheduled',
        sequence: meeting.sequence,
      },
      {
        $set: { status: 'cancelled', cancelReason: reason },
        $inc: { sequence: 1 },
        $unset: { reminderAt: '' },
      },
      [
        meetingEvent(
          'medmentor.scheduling.meeting.cancelled',
          cancelled,
          { reason, ...(byPhysicianId && { byPhysicianId }) },
          cause,
        ),
      ],
    );
  }

  private async cancelAll(
    meetings: readonly Meeting[],
    reason: MeetingCancelReason,
    cause: EventCause,
  ): Promise<void> {
    for (const meeting of meetings) await this.cancel(meeting, reason, cause);
  }
}
