import { z } from 'zod';
import { TENANT_STATUSES } from '@medmentor/contracts';
import { timeZoneSchema } from '@medmentor/domain';
import { slugSchema } from './create-tenant.dto';
import { hospitalsInputSchema } from './hospitals.dto';

/** Each field given replaces the stored one; `version` is the version the client last read. */
export const updateTenantSchema = z
  .strictObject({
    version: z
      .number()
      .int()
      .min(1)
      .describe('The version last read; a stale one gets 409 version-conflict.'),
    name: z.string().trim().min(1).max(200).optional(),
    timeZone: timeZoneSchema.optional(),
    hospitals: hospitalsInputSchema
      .optional()
      .describe('Replaces the whole list; keep ids of existing units.'),
    slug: slugSchema.optional().describe('platform-admin only.'),
    status: z.enum(TENANT_STATUSES).optional().describe('platform-admin only.'),
  })
  .refine((dto) => Object.keys(dto).length > 1, {
    message: 'must change at least one field besides version',
  });

export type UpdateTenantDto = z.output<typeof updateTenantSchema>;

/** Fields only a platform admin may change. */
export const PLATFORM_ADMIN_TENANT_FIELDS = ['slug', 'status'] as const;
