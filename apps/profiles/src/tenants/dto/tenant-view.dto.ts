import { z } from 'zod';
import { TENANT_KINDS, TENANT_STATUSES } from '@medmentor/contracts';
import { pageSchema } from '@medmentor/platform';

const unitSchema = z.object({ id: z.string(), name: z.string() });

/** A tenant as the API returns it. */
export const tenantViewSchema = z.object({
  id: z.string(),
  name: z.string(),
  slug: z.string(),
  kind: z.enum(TENANT_KINDS),
  timeZone: z.string(),
  status: z.enum(TENANT_STATUSES),
  hospitals: z.array(unitSchema.extend({ departments: z.array(unitSchema) })),
  version: z.number().int(),
  createdAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
});

export type TenantView = Omit<z.output<typeof tenantViewSchema>, 'createdAt' | 'updatedAt'> & {
  createdAt: Date;
  updatedAt: Date;
};

export const tenantPageSchema = pageSchema(tenantViewSchema);
