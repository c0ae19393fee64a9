import { DateTime } from 'luxon';
import type { Principal } from '@medmentor/auth';
import type { MeetingView } from './dto/meeting-view.dto';
import type { Meeting } from './schemas/meeting.schema';

const localOf = (at: Date, zone: string): string =>
  DateTime.fromJSDate(at, { zone }).toISO() ?? at.toISOString();

export const toMeetingView = (meeting: Meeting, principal: Principal): MeetingView => {
  const mine = meeting.feedback.find((f) => f.physicianId === principal.physicianId);
  return {
    id: meeting._id,
    matchId: meeting.matchId,
    programId: meeting.programId,
    kind: meeting.kind,
    ...(meeting.seriesId !== undefined && { seriesId: meeting.seriesId }),
    ...(meeting.occurrence !== undefined && { occurrence: meeting.occurrence }),
    menteeId: meeting.menteeId,
    mentorId: meeting.mentorId,
    start: meeting.start.toISOString(),
    end: meeting.end.toISOString(),
    local: {
      mentee: localOf(meeting.start, meeting.menteeTimeZone),
      mentor: localOf(meeting.start, meeting.mentorTimeZone),
    },
    status: meeting.status,
    sequence: meeting.sequence,
    videoUrl: meeting.videoUrl,
    agenda: meeting.agenda.map(({ id, text }) => ({ id, text })),
    notes: meeting.notes,
    actionItems: meeting.actionItems,
    ...(mine && {
      myFeedback: { rating: mine.rating, ...(mine.comment && { comment: mine.comment }) },
    }),
    ...(meeting.completedAt && { completedAt: meeting.completedAt.toISOString() }),
    ...(meeting.cancelReason && { cancelReason: meeting.cancelReason }),
  };
};
