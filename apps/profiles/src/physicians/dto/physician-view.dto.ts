import { z } from 'zod';
import { pageSchema } from '@medmentor/platform';
import { physicianFieldsSchema } from './physician-input.schema';

export const PHYSICIAN_AUDIENCES = ['self', 'admin', 'match'] as const;
export type PhysicianAudience = (typeof PHYSICIAN_AUDIENCES)[number];

/**
 * A profile as the API returns it. Which fields are present depends on `view`: the physician
 * sees everything, admins and matches what the privacy settings allow.
 */
export const physicianViewSchema = physicianFieldsSchema.partial().extend({
  id: z.uuid(),
  view: z
    .enum(PHYSICIAN_AUDIENCES)
    .describe('self: everything; admin and match: what the privacy settings allow.'),
  status: z.enum(['active', 'erased']),
  version: z.number().int().optional(),
  createdAt: z.iso.datetime().optional(),
  updatedAt: z.iso.datetime().optional(),
});

export type PhysicianView = Omit<
  z.output<typeof physicianViewSchema>,
  'createdAt' | 'updatedAt'
> & {
  createdAt?: Date;
  updatedAt?: Date;
};

export const physicianPageSchema = pageSchema(physicianViewSchema);
