/**
 * Defects this suite found in operations owned elsewhere, tolerated here only so the rest of
 * the suite keeps running. Each entry says what is wrong; remove it when the operation is
 * fixed (the suite then checks the operation fully again).
 */
export interface KnownIssue {
  /** What the suite stops sending or stops counting for this operation. */
  readonly tolerates: 'json-body' | 'server-error-from-tenant-a' | 'hostile-path-param';
  readonly alsoTolerates?: KnownIssue['tolerates'];
  readonly issue: string;
}

export const KNOWN_ISSUES: Readonly<Record<string, KnownIssue>> = {
  'PUT /api/v1/notification-preferences/{physicianId}': {
    tolerates: 'server-error-from-tenant-a',
    alsoTolerates: 'hostile-path-param',
    issue:
      "An org admin of tenant A putting preferences for tenant B's physician id gets 500 (the id is taken in " +
      'another tenant), while an unknown id gets 200: the status tells A which ids exist in other tenants. ' +
      'It should answer 404 for a physician unknown in the caller’s tenant. It also accepts any string as ' +
      'the id (a NUL character, unicode junk) and stores preferences under it (200), where a uuid check ' +
      'should answer 400.',
  },
};
