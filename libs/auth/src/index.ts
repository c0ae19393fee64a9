export { ROLES, TENANT_ADMIN_ROLES, isRole, type Role } from './roles';
export { isTenantScoped, type Identity, type Principal } from './identity';
export { tenantContext, tenantFilter, type TenantContext, type TenantScoped } from './tenant-scope';
export { canActAsPhysician, hasRole, isAdminOf } from './role-helpers';
export { DEFAULT_CLAIM_NAMES, identityFromClaims, tenantIdSchema, type ClaimNames } from './claims';
export { AuthError, type AuthErrorCode } from './auth-error';
export {
  AUTH_ENV,
  AuthConfigError,
  DEFAULT_CLOCK_TOLERANCE_SECONDS,
  authEnvSchema,
  authOptionsFromEnv,
  resolveAuthOptions,
  type AuthEnv,
  type AuthOptions,
  type ResolvedAuthOptions,
} from './auth-options';
export { ACCEPTED_ALGORITHMS, JwtVerifier } from './jwt-verifier';
export { extractBearerToken } from './bearer-token';
export { REQUEST_IDENTITY_KEY, getRequestIdentity } from './request-identity';
export {
  CurrentIdentity,
  CurrentPrincipal,
  IS_PUBLIC_KEY,
  Public,
  ROLES_KEY,
  Roles,
  TENANT_OPTIONAL_KEY,
  TenantOptional,
} from './auth.decorators';
export { type AccessErrorCode, type AuthProblemCode } from './auth-http-errors';
export { AuthGuard, TENANT_HEADER } from './auth.guard';
export { AUTH_OPTIONS, AuthModule, type AuthModuleAsyncOptions } from './auth.module';
export { ApiAuth, BEARER_AUTH_NAME, addBearerAuth } from './auth.swagger';
export {
  generateDevKeyPair,
  signDevToken,
  type DevAlgorithm,
  type DevKeyPair,
  type DevTokenClaims,
  type DevTokenOptions,
} from './dev-keys';
