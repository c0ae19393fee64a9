import { z } from 'zod';

export const TENANT_KINDS = ['health-system', 'specialty-society'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];

export const TENANT_STATUSES = ['active', 'suspended'] as const;
export type TenantStatus = (typeof TENANT_STATUSES)[number];

const namedUnitSchema = z.object({
  id: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
});

/** A hospital of a health system with its departments. */
export const tenantHospitalSchema = namedUnitSchema.extend({
  departments: z.array(namedUnitSchema),
});

/**
 * What other services keep of a tenant: its name and default time zone (messages and
 * scheduling) and its hospitals and departments (institution of a physician).
 */
export const tenantSnapshotSchema = z.object({
  tenantId: z.string().min(1).max(128),
  name: z.string().min(1).max(200),
  slug: z.string().min(1).max(63),
  kind: z.enum(TENANT_KINDS),
  timeZone: z.string().min(1).max(64),
  status: z.enum(TENANT_STATUSES),
  hospitals: z.array(tenantHospitalSchema),
  /** Grows by one with every change; a consumer ignores a snapshot older than the one it has. */
  version: z.number().int().min(1),
});

export type TenantSnapshot = z.infer<typeof tenantSnapshotSchema>;

/** A tenant (organization) was registered by a platform admin. Key: the tenant id. */
export const profilesTenantRegisteredSchema = tenantSnapshotSchema;

export type ProfilesTenantRegistered = z.infer<typeof profilesTenantRegisteredSchema>;
