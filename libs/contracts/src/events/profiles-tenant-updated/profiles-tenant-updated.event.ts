import type { z } from 'zod';
import { tenantSnapshotSchema } from '../profiles-tenant-registered/profiles-tenant-registered.event';

/** A tenant changed (name, time zone, status, hospitals or departments): its whole new state. Key: the tenant id. */
export const profilesTenantUpdatedSchema = tenantSnapshotSchema;

export type ProfilesTenantUpdated = z.infer<typeof profilesTenantUpdatedSchema>;
