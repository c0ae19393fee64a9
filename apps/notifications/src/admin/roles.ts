/** Who administers notifications in a tenant. */
export const ADMINS = ['org-admin', 'program-admin', 'platform-admin'] as const;
/** Who may change what every message of the tenant says or where it goes. */
export const TENANT_ADMINS = ['org-admin', 'platform-admin'] as const;
