import type { Identity, Principal } from './identity';
import type { Role } from './roles';

/** True when the identity holds at least one of `roles`. */
export const hasRole = (identity: Pick<Identity, 'roles'>, ...roles: readonly Role[]): boolean =>
  roles.some((role) => identity.roles.includes(role));

/**
 * True when the identity administers `tenantId`: a platform-admin administers every tenant, an
 * org-admin only its own tenant (always the one in its token: only a platform-admin may switch
 * tenants). Program admins administer programs, not tenants.
 */
export const isAdminOf = (identity: Identity, tenantId: string): boolean =>
  hasRole(identity, 'platform-admin') ||
  (hasRole(identity, 'org-admin') && identity.tenantId === tenantId);

/**
 * True when the principal may act for `physicianId` inside its current tenant: the physician
 * themself, or an admin of that tenant acting on their behalf.
 */
export const canActAsPhysician = (principal: Principal, physicianId: string): boolean =>
  (principal.physicianId !== undefined && principal.physicianId === physicianId) ||
  isAdminOf(principal, principal.tenantId);
