/** Every role a MedMentor token can carry. Unknown role names make a token invalid. */
export const ROLES = ['platform-admin', 'org-admin', 'program-admin', 'mentor', 'mentee'] as const;

export type Role = (typeof ROLES)[number];

/** Roles that administer a whole tenant; platform-admin administers every tenant. */
export const TENANT_ADMIN_ROLES = [
  'platform-admin',
  'org-admin',
] as const satisfies readonly Role[];

export const isRole = (value: unknown): value is Role =>
  typeof value === 'string' && (ROLES as readonly string[]).includes(value);
