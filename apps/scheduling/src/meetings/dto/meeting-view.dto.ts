import { z } from 'zod';
import { MEETING_STATUSES } from '../schemas/meeting.schema';

export const meetingViewSchema = z.object({
  id: z.string(),
  matchId: z.string(),
  programId: z.string(),
  kind: z.enum(['kickoff', 'check-in']),
  seriesId: z.string().optional(),
  occurrence: z.number().int().optional(),
  menteeId: z.string(),
  mentorId: z.string(),
  start: z.iso.datetime(),
  end: z.iso.datetime(),
  /** The start on each side's clock. */
  local: z.object({ mentee: z.string(), mentor: z.string() }),
  status: z.enum(MEETING_STATUSES),
  sequence: z.number().int(),
  videoUrl: z.string(),
  agenda: z.array(z.object({ id: z.string(), text: z.string() })),
  notes: z.string(),
  actionItems: z.array(
    z.object({
      id: z.string(),
      text: z.string(),
      ownerId: z.string(),
      due: z.string().optional(),
      status: z.enum(['open', 'done']),
    }),
  ),
  /** The caller's own feedback, if they gave some (others' stays private). */
  myFeedback: z.object({ rating: z.number().int(), comment: z.string().optional() }).optional(),
  completedAt: z.iso.datetime().optional(),
  cancelReason: z.string().optional(),
});
export type MeetingView = z.infer<typeof meetingViewSchema>;

export const meetingPageSchema = z.object({
  items: z.array(meetingViewSchema),
  nextCursor: z.string().nullable(),
});

export const slotSuggestionsSchema = z.object({
  matchId: z.string(),
  slots: z.array(
    z.object({
      start: z.iso.datetime(),
      end: z.iso.datetime(),
      local: z.object({ mentee: z.string(), mentor: z.string() }),
    }),
  ),
});

export const feedbackSummarySchema = z.object({
  programId: z.string(),
  meetings: z.number().int(),
  bySide: z.object({
    mentee: z.object({ count: z.number().int(), averageRating: z.number().nullable() }),
    mentor: z.object({ count: z.number().int(), averageRating: z.number().nullable() }),
  }),
});
