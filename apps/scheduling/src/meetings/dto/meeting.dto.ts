import { z } from 'zod';
import { pageQueryFields } from '@medmentor/platform';
import { MEETING_STATUSES } from '../schemas/meeting.schema';

const id = z.string().min(1).max(200);
const instant = z.iso.datetime({ offset: true });

export const meetingParamsSchema = z.strictObject({ meetingId: id });
export type MeetingParams = z.infer<typeof meetingParamsSchema>;

export const matchParamsSchema = z.strictObject({ matchId: id });
export type MatchParams = z.infer<typeof matchParamsSchema>;

export const matchResourceParamsSchema = matchParamsSchema.extend({ resourceId: z.uuid() });
export type MatchResourceParams = z.infer<typeof matchResourceParamsSchema>;

export const chooseKickoffSchema = z.strictObject({
  start: instant.describe(
    'When the kickoff starts; it lasts the configured kickoff length and must suit both calendars.',
  ),
});
export type ChooseKickoffDto = z.infer<typeof chooseKickoffSchema>;

export const actionItemParamsSchema = meetingParamsSchema.extend({ itemId: z.uuid() });
export type ActionItemParams = z.infer<typeof actionItemParamsSchema>;

export const listMeetingsQuerySchema = z
  .strictObject({
    from: instant
      .optional()
      .describe('Meetings starting at or after this instant (default: 30 days ago).'),
    to: instant
      .optional()
      .describe('Meetings starting before this instant (default: one year after `from`).'),
    status: z.enum(MEETING_STATUSES).optional(),
    ...pageQueryFields,
  })
  .refine((q) => !q.from || !q.to || q.to > q.from, { error: 'must be after from', path: ['to'] });
export type ListMeetingsQuery = z.infer<typeof listMeetingsQuerySchema>;

export const suggestQuerySchema = z.strictObject({
  count: z.coerce.number().int().min(1).max(20).default(5),
  durationMinutes: z.coerce.number().int().min(15).max(240).default(45),
  days: z.coerce.number().int().min(1).max(90).default(28).describe('How many days ahead to look.'),
});
export type SuggestQuery = z.infer<typeof suggestQuerySchema>;

export const rescheduleSchema = z.strictObject({
  start: instant.describe('New start (the duration is kept).'),
  scope: z
    .enum(['occurrence', 'following'])
    .default('occurrence')
    .describe('This meeting only, or it and the later check-ins of its series.'),
  sequence: z.number().int().min(0).describe('The meeting’s `sequence` as last read.'),
});
export type RescheduleDto = z.infer<typeof rescheduleSchema>;

export const sequenceSchema = z.strictObject({ sequence: z.number().int().min(0) });
export type SequenceDto = z.infer<typeof sequenceSchema>;

export const agendaItemSchema = z.strictObject({ text: z.string().trim().min(1).max(500) });
export type AgendaItemDto = z.infer<typeof agendaItemSchema>;

export const notesSchema = z.strictObject({ notes: z.string().max(20_000) });
export type NotesDto = z.infer<typeof notesSchema>;

export const actionItemSchema = z.strictObject({
  text: z.string().trim().min(1).max(500),
  ownerId: id.describe('The physician who owns it: the mentee or the mentor.'),
  due: z.iso.date().optional(),
});
export type ActionItemDto = z.infer<typeof actionItemSchema>;

export const actionItemUpdateSchema = z.strictObject({ status: z.enum(['open', 'done']) });
export type ActionItemUpdateDto = z.infer<typeof actionItemUpdateSchema>;

export const feedbackSchema = z.strictObject({
  rating: z.number().int().min(1).max(5),
  comment: z.string().trim().max(2000).optional(),
});
export type FeedbackDto = z.infer<typeof feedbackSchema>;

export const programParamsSchema = z.strictObject({ programId: id });
export type ProgramParams = z.infer<typeof programParamsSchema>;
