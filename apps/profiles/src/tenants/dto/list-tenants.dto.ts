import { z } from 'zod';
import { TENANT_KINDS, TENANT_STATUSES } from '@medmentor/contracts';
import { pageQueryFields } from '@medmentor/platform';

export const listTenantsQuerySchema = z.object({
  ...pageQueryFields,
  kind: z.enum(TENANT_KINDS).optional(),
  status: z.enum(TENANT_STATUSES).optional(),
});

export type ListTenantsQuery = z.output<typeof listTenantsQuerySchema>;
