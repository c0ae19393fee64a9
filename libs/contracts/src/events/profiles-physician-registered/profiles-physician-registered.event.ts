import { z } from 'zod';
import { careerStageSchema, practiceSettingSchema } from '@medmentor/domain';

const id = z.string().min(1).max(128);

/**
 * What other services keep of a physician, and no more: contact for notifications (display
 * name, email), time zone, languages and availability for scheduling, and the attributes
 * matching scores and filters on. Never NPI, phone, bio or goals.
 */
export const physicianSnapshotSchema = z.object({
  physicianId: id,
  tenantId: id,
  displayName: z.string().min(1).max(201),
  email: z.email(),
  /**
   * The physician lets their matches see their email (`privacy.visibleToMatches` has `email`):
   * calendar invitations then list them under it. Absent (older producers) means no.
   */
  emailVisibleToMatches: z.boolean().optional(),
  timeZone: z.string().min(1).max(64),
  languages: z.array(z.string().min(2).max(3)),
  /** Weekly windows in the physician's local time (`timeZone`). */
  availability: z.array(
    z.object({
      day: z.enum(['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun']),
      start: z.string().regex(/^\d{2}:\d{2}$/),
      end: z.string().regex(/^\d{2}:\d{2}$/),
    }),
  ),
  specialty: z.string().min(1),
  subspecialty: z.string().min(1).optional(),
  careerStage: careerStageSchema,
  interests: z.array(z.string().min(1)),
  practiceSetting: practiceSettingSchema,
  mentoringCapacity: z.number().int().min(0),
  takingBreak: z.boolean(),
  mentorTraining: z.object({ completed: z.boolean(), completedAt: z.iso.date().optional() }),
  hospitalId: z.string().min(1).max(64).optional(),
  institution: z.string().min(1).max(200).optional(),
  /** Supervisors and evaluators, for conflict-of-interest rules in matching. */
  reportingLine: z.object({ supervisorIds: z.array(id), evaluatorIds: z.array(id) }),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  region: z.string().min(1).max(100).optional(),
  /** Grows by one with every change; a consumer ignores a snapshot older than the one it has. */
  version: z.number().int().min(1),
});

export type PhysicianSnapshot = z.infer<typeof physicianSnapshotSchema>;

/** A physician profile was created. Key: the physician id. */
export const profilesPhysicianRegisteredSchema = physicianSnapshotSchema;

export type ProfilesPhysicianRegistered = z.infer<typeof profilesPhysicianRegisteredSchema>;
