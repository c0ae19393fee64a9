import { z } from 'zod';
import { CATEGORIES, PERSONAL_CHANNELS } from '../policy/message-kind';
import { DIGEST_MODES } from '../policy/digest-period';

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'must be HH:mm (00:00 to 23:59)');

export const preferencesSchema = z.object({
  /** Channels switched off per category. Critical messages (match proposals) still come by email. */
  optOuts: z
    .strictObject(
      Object.fromEntries(
        CATEGORIES.map((c) => [c, z.array(z.enum(PERSONAL_CHANNELS)).max(2).optional()]),
      ) as Record<
        (typeof CATEGORIES)[number],
        z.ZodOptional<z.ZodArray<z.ZodEnum<{ email: 'email'; inbox: 'inbox' }>>>
      >,
    )
    .default({}),
  /** Local times in the physician's time zone (from their profile); email waits until the end. */
  quietHours: z
    .strictObject({ start: hhmm, end: hhmm })
    .refine((q) => q.start !== q.end, { message: 'start and end must differ', path: ['end'] })
    .nullable()
    .default(null),
  digest: z.enum(DIGEST_MODES).default('off'),
});

export type PreferencesInput = z.output<typeof preferencesSchema>;

export const preferencesViewSchema = preferencesSchema.extend({
  physicianId: z.string(),
  timeZone: z.string(),
});

export type PreferencesView = z.output<typeof preferencesViewSchema>;

/** Physician ids are opaque (profiles issues UUIDs); control characters and the like are refused. */
export const physicianParamsSchema = z.strictObject({
  physicianId: z
    .string()
    .regex(/^[A-Za-z0-9._:-]{1,128}$/, {
      error: 'must be a physician id (letters, digits, . _ : -)',
    }),
});
