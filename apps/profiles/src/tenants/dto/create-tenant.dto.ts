import { z } from 'zod';
import { tenantIdSchema } from '@medmentor/auth';
import { TENANT_KINDS } from '@medmentor/contracts';
import { timeZoneSchema } from '@medmentor/domain';
import { hospitalsInputSchema } from './hospitals.dto';

export const slugSchema = z
  .string()
  .min(3)
  .max(63)
  .regex(
    /^[a-z0-9]+(?:-[a-z0-9]+)*$/,
    'must be lower-case letters and digits separated by single hyphens',
  );

export const createTenantSchema = z
  .strictObject({
    id: tenantIdSchema
      .optional()
      .describe('The id tokens carry in their tenant claim; a new UUID when left out.'),
    name: z.string().trim().min(1).max(200),
    slug: slugSchema,
    kind: z.enum(TENANT_KINDS),
    timeZone: timeZoneSchema.default('UTC').describe('Default IANA time zone of the organization.'),
    hospitals: hospitalsInputSchema
      .default([])
      .describe('Health systems only: hospitals with their departments.'),
  })
  .superRefine((tenant, ctx) => {
    if (tenant.kind === 'specialty-society' && tenant.hospitals.length > 0) {
      ctx.addIssue({
        code: 'custom',
        path: ['hospitals'],
        message: 'only a health system has hospitals',
      });
    }
  });

export type CreateTenantDto = z.output<typeof createTenantSchema>;
