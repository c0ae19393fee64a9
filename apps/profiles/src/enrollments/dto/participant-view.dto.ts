import { z } from 'zod';
import {
  enrollmentRoleSchema,
  mentoringTopicSchema,
  mentorshipRoleSchema,
} from '@medmentor/domain';
import { pageSchema } from '@medmentor/platform';
import { physicianViewSchema, type PhysicianView } from '../../physicians/dto/physician-view.dto';

/**
 * A participant of a program as the directory shows it: the enrollment to rank and the
 * profile as a potential match may see it. Never preferences, exclusions, capacity or lists.
 */
export const participantViewSchema = z.object({
  enrollmentId: z.string().describe('The id to put on a rank list.'),
  side: enrollmentRoleSchema,
  roles: z.array(mentorshipRoleSchema),
  topics: z
    .array(mentoringTopicSchema)
    .describe('A mentee’s goals or a mentor’s strengths in this program.'),
  physician: physicianViewSchema.describe(
    'The profile in the `match` view: what the physician’s privacy settings show to potential matches.',
  ),
});

export type ParticipantView = Omit<z.infer<typeof participantViewSchema>, 'physician'> & {
  physician: PhysicianView;
};

export const participantPageSchema = pageSchema(participantViewSchema);
