import { Inject, Injectable, type CanActivate, type ExecutionContext } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { AuthError } from './auth-error';
import { accessDenied, authenticationFailed } from './auth-http-errors';
import { IS_PUBLIC_KEY, ROLES_KEY, TENANT_OPTIONAL_KEY } from './auth.decorators';
import { extractBearerToken } from './bearer-token';
import { tenantIdSchema } from './claims';
import type { Identity } from './identity';
import { JwtVerifier } from './jwt-verifier';
import { setRequestIdentity } from './request-identity';
import { hasRole } from './role-helpers';
import type { Role } from './roles';

/** Header a platform-admin uses to pick the tenant it acts in. Ignored from nobody else. */
export const TENANT_HEADER = 'x-tenant-id';

interface HttpRequestLike {
  readonly headers: Record<string, string | string[] | undefined>;
}

interface HttpResponseLike {
  header?: (name: string, value: string) => unknown; // Fastify reply
  setHeader?: (name: string, value: string) => unknown; // Node/Express response
}

/**
 * Authenticates every HTTP request (bearer JWT), resolves the tenant and enforces `@Roles()`.
 * `@Public()` routes pass untouched; non-HTTP contexts (Kafka handlers) are not its business.
 */
@Injectable()
export class AuthGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    @Inject(JwtVerifier) private readonly verifier: JwtVerifier,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    if (context.getType() !== 'http') return true;
    const targets = [context.getHandler(), context.getClass()];
    if (this.reflector.getAllAndOverride<boolean | undefined>(IS_PUBLIC_KEY, targets) === true)
      return true;

    const http = context.switchToHttp();
    const request = http.getRequest<HttpRequestLike>();
    const identity = await this.authenticate(request, http.getResponse<HttpResponseLike>());
    const scoped = this.resolveTenant(identity, request.headers[TENANT_HEADER]);

    const required = this.reflector.getAllAndOverride<readonly Role[] | undefined>(
      ROLES_KEY,
      targets,
    );
    if (required !== undefined && required.length > 0 && !hasRole(scoped, ...required)) {
      throw accessDenied('role_required', `Requires one of the roles: ${required.join(', ')}`);
    }
    if (
      scoped.tenantId === undefined &&
      this.reflector.getAllAndOverride<boolean | undefined>(TENANT_OPTIONAL_KEY, targets) !== true
    ) {
      throw accessDenied(
        'tenant_required',
        `Select a tenant with the X-Tenant-Id header (the token names none)`,
      );
    }
    setRequestIdentity(request, scoped);
    return true;
  }

  private async authenticate(
    request: HttpRequestLike,
    response: HttpResponseLike,
  ): Promise<Identity> {
    const token = extractBearerToken(request.headers.authorization);
    try {
      if (token === undefined) {
        throw new AuthError('missing_token', 'Missing bearer token (Authorization: Bearer <JWT>)');
      }
      return await this.verifier.verify(token);
    } catch (error) {
      if (!(error instanceof AuthError)) throw error;
      if (error.code !== 'keys_unavailable') {
        // RFC 6750 §3: tell the client which scheme to use and, for a bad token, that it is bad.
        const challenge =
          error.code === 'missing_token'
            ? 'Bearer'
            : `Bearer error="invalid_token", error_description="${error.message}"`;
        setHeader(response, 'WWW-Authenticate', challenge);
      }
      throw authenticationFailed(error.code, error.message, error);
    }
  }

  /** Only a platform-admin may choose the tenant; anyone else may at most repeat their own. */
  private resolveTenant(identity: Identity, header: string | string[] | undefined): Identity {
    if (header === undefined) return identity;
    if (Array.isArray(header) || !tenantIdSchema.safeParse(header).success) {
      throw accessDenied('invalid_tenant_header', 'X-Tenant-Id must be one tenant id');
    }
    if (hasRole(identity, 'platform-admin')) {
      return header === identity.tenantId
        ? identity
        : { ...identity, tenantId: header, tenantSource: 'header' };
    }
    if (header !== identity.tenantId) {
      throw accessDenied(
        'tenant_header_forbidden',
        'X-Tenant-Id is honoured only for platform-admin',
      );
    }
    return identity;
  }
}

function setHeader(response: HttpResponseLike, name: string, value: string): void {
  if (typeof response.header === 'function') response.header(name, value);
  else if (typeof response.setHeader === 'function') response.setHeader(name, value);
}
