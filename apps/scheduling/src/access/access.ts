import { hasRole, type Principal } from '@medmentor/auth';

/** Administrators of the caller's tenant see everything in it. */
export const isTenantAdmin = (principal: Principal): boolean =>
  hasRole(principal, 'org-admin', 'program-admin', 'platform-admin');

/** The physician themself or an administrator of the tenant. */
export const mayActFor = (principal: Principal, physicianId: string): boolean =>
  principal.physicianId === physicianId || isTenantAdmin(principal);

/** One of the pair, or an administrator. */
export const mayActOnPair = (
  principal: Principal,
  pair: { menteeId: string; mentorId: string },
): boolean =>
  isTenantAdmin(principal) ||
  principal.physicianId === pair.menteeId ||
  principal.physicianId === pair.mentorId;

export const EVERY_ROLE = [
  'platform-admin',
  'org-admin',
  'program-admin',
  'mentor',
  'mentee',
] as const;
export const ADMIN_ROLES = ['platform-admin', 'org-admin', 'program-admin'] as const;
