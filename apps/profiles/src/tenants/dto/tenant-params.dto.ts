import { z } from 'zod';
import { tenantIdSchema } from '@medmentor/auth';

export const tenantParamsSchema = z.strictObject({ tenantId: tenantIdSchema });

export type TenantParams = z.output<typeof tenantParamsSchema>;
