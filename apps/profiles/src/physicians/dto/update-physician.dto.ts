import { z } from 'zod';
import { physicianFieldsSchema } from './physician-input.schema';

/** Optional fields of a profile: `null` clears them in an update. */
export const CLEARABLE_FIELDS = [
  'phone',
  'npi',
  'subspecialty',
  'hospitalId',
  'institution',
  'department',
  'location',
  'bio',
] as const;

/** Fields only an administrator sets: an administrator certifies training and knows the reporting line. */
export const ADMIN_ONLY_FIELDS = ['mentorTraining', 'reportingLine'] as const;

const isClearable = (key: string): boolean => (CLEARABLE_FIELDS as readonly string[]).includes(key);

// Defaults belong to creation only: in an update a missing field keeps its stored value.
const updateShape = Object.fromEntries(
  Object.entries(physicianFieldsSchema.shape).map(([key, field]) => {
    const bare = field instanceof z.ZodDefault ? (field.unwrap() as z.ZodType) : field;
    const inner = bare instanceof z.ZodOptional ? (bare.unwrap() as z.ZodType) : bare;
    return [key, isClearable(key) ? inner.nullable().optional() : inner.optional()];
  }),
) as { [K in keyof typeof physicianFieldsSchema.shape]: z.ZodOptional<z.ZodType> };

/** Each field given replaces the stored one (`null` clears an optional one); `version` is the version last read. */
export const updatePhysicianSchema = z
  .strictObject({
    version: z
      .number()
      .int()
      .min(1)
      .describe('The version last read; a stale one gets 409 version-conflict.'),
    ...updateShape,
  })
  .refine((dto) => Object.keys(dto).length > 1, {
    message: 'must change at least one field besides version',
  });

export type UpdatePhysicianDto = { version: number } & Record<string, unknown>;
