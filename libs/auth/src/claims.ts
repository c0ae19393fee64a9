import { z } from 'zod';
import type { JWTPayload } from 'jose';
import { AuthError } from './auth-error';
import type { Identity } from './identity';
import { ROLES } from './roles';

/** Names of the MedMentor claims in a token. Configurable so any OIDC provider can map them. */
export interface ClaimNames {
  readonly tenantId: string;
  readonly roles: string;
  readonly physicianId: string;
}

/**
 * Collision-resistant (RFC 7519 §4.2) defaults. Not `tid`: Microsoft Entra ID puts its own
 * directory id in `tid`, which must never be read as a MedMentor tenant.
 */
export const DEFAULT_CLAIM_NAMES: ClaimNames = {
  tenantId: 'https://medmentor.app/tenant_id',
  roles: 'https://medmentor.app/roles',
  physicianId: 'https://medmentor.app/physician_id',
};

/** Opaque ids (UUIDs, slugs): no spaces, no operators, nothing that could be a query. */
const idSchema = z
  .string()
  .regex(/^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/, 'must be 1-128 letters, digits or . _ : -');

export const tenantIdSchema = idSchema;

const claimsSchema = z
  .object({
    subject: z.string().min(1, 'must not be empty').max(255),
    tenantId: idSchema.optional(),
    roles: z.array(z.enum(ROLES)).min(1, 'must name at least one role'),
    physicianId: idSchema.optional(),
  })
  .refine((claims) => claims.tenantId !== undefined || claims.roles.includes('platform-admin'), {
    path: ['tenantId'],
    message: 'is required (only a platform-admin token may omit it)',
  });

/** Reads and validates the MedMentor claims of an already verified JWT payload. */
export function identityFromClaims(payload: JWTPayload, names: ClaimNames): Identity {
  const raw = {
    subject: payload.sub,
    tenantId: payload[names.tenantId],
    roles: payload[names.roles],
    physicianId: payload[names.physicianId],
  };
  const parsed = claimsSchema.safeParse(raw);
  if (!parsed.success) {
    const claimOf: Record<string, string> = {
      subject: 'sub',
      tenantId: names.tenantId,
      roles: names.roles,
      physicianId: names.physicianId,
    };
    const reasons = parsed.error.issues.map((issue) => {
      const field = String(issue.path[0] ?? '');
      return `claim "${claimOf[field] ?? field}" ${issue.message}`;
    });
    const missingTenant = parsed.error.issues.some(
      (issue) => issue.path[0] === 'tenantId' && raw.tenantId === undefined,
    );
    throw new AuthError(
      missingTenant ? 'missing_tenant' : 'invalid_claims',
      `Token ${reasons.join('; ')}`,
    );
  }
  const { subject, tenantId, roles, physicianId } = parsed.data;
  return {
    subject,
    roles,
    ...(physicianId !== undefined && { physicianId }),
    ...(tenantId !== undefined && { tenantId, tenantSource: 'token' as const }),
  };
}
