import type { Role } from './roles';

/**
 * Who called, as proven by a verified token. `tenantId` is absent only for a platform-admin
 * whose token names no tenant and who selected none with the X-Tenant-Id header.
 */
export interface Identity {
  readonly subject: string;
  readonly roles: readonly Role[];
  readonly physicianId?: string;
  readonly tenantId?: string;
  /** Where tenantId came from: the token, or the X-Tenant-Id header (platform-admin only). */
  readonly tenantSource?: 'token' | 'header';
}

/** An identity acting inside one tenant: what tenant-scoped handlers and repositories get. */
export interface Principal extends Identity {
  readonly tenantId: string;
  readonly tenantSource: 'token' | 'header';
}

export const isTenantScoped = (identity: Identity): identity is Principal =>
  typeof identity.tenantId === 'string' && identity.tenantId.length > 0;
