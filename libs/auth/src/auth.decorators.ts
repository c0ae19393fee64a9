import {
  BadRequestException,
  createParamDecorator,
  SetMetadata,
  type ExecutionContext,
} from '@nestjs/common';
import { isTenantScoped, type Identity, type Principal } from './identity';
import { getRequestIdentity } from './request-identity';
import type { Role } from './roles';

export const IS_PUBLIC_KEY = 'medmentor:auth:public';
export const ROLES_KEY = 'medmentor:auth:roles';
export const TENANT_OPTIONAL_KEY = 'medmentor:auth:tenant-optional';

/** No token needed (health, metrics, API docs). On a handler or a controller. */
export const Public = (): MethodDecorator & ClassDecorator => SetMetadata(IS_PUBLIC_KEY, true);

/**
 * The caller needs at least one of `roles` (else 403). A handler's list replaces its
 * controller's. There is no implicit hierarchy: list platform-admin where it should pass.
 */
export const Roles = (...roles: [Role, ...Role[]]): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, roles);

/**
 * The route works across tenants (platform administration): a platform-admin may call it
 * without selecting a tenant. Read the caller with `@CurrentIdentity()`, not `@CurrentPrincipal()`.
 */
export const TenantOptional = (): MethodDecorator & ClassDecorator =>
  SetMetadata(TENANT_OPTIONAL_KEY, true);

function identityOf(context: ExecutionContext): Identity {
  const identity = getRequestIdentity(context.switchToHttp().getRequest<object>());
  if (identity === undefined) {
    // A programming error: a @Public() route, or the AuthGuard is not registered.
    throw new Error(
      'No authenticated identity on the request: is AuthGuard registered and the route not @Public()?',
    );
  }
  return identity;
}

/** The caller, scoped to one tenant: `{ tenantId, roles, physicianId?, subject }`. */
export const CurrentPrincipal = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Principal => {
    const identity = identityOf(context);
    if (!isTenantScoped(identity)) {
      throw new BadRequestException('Select a tenant with the X-Tenant-Id header');
    }
    return identity;
  },
);

/** The caller, possibly without a tenant (only on `@TenantOptional()` routes). */
export const CurrentIdentity = createParamDecorator(
  (_data: unknown, context: ExecutionContext): Identity => identityOf(context),
);
