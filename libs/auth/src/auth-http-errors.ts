import {
  BadRequestException,
  ForbiddenException,
  HttpStatus,
  ServiceUnavailableException,
  UnauthorizedException,
  type HttpException,
} from '@nestjs/common';
import type { AuthErrorCode } from './auth-error';

/** Authorization failures after a valid token (403/400), next to the AuthErrorCode ones (401/503). */
export type AccessErrorCode =
  'role_required' | 'tenant_header_forbidden' | 'invalid_tenant_header' | 'tenant_required';

/** Stable, machine-readable code in every auth error body, e.g. `auth.token_expired`. */
export type AuthProblemCode = `auth.${AuthErrorCode | AccessErrorCode}`;

interface AuthErrorBody {
  statusCode: number;
  error: string;
  message: string;
  code: AuthProblemCode;
}

const body = (
  status: HttpStatus,
  error: string,
  code: AuthErrorCode | AccessErrorCode,
  message: string,
): AuthErrorBody => ({
  statusCode: status,
  error,
  message,
  code: `auth.${code}`,
});

/** 401, or 503 when the signing keys could not be fetched. */
export function authenticationFailed(
  code: AuthErrorCode,
  message: string,
  cause?: unknown,
): HttpException {
  if (code === 'keys_unavailable') {
    return new ServiceUnavailableException(
      body(HttpStatus.SERVICE_UNAVAILABLE, 'Service Unavailable', code, message),
      {
        cause,
      },
    );
  }
  return new UnauthorizedException(body(HttpStatus.UNAUTHORIZED, 'Unauthorized', code, message), {
    cause,
  });
}

export function accessDenied(code: AccessErrorCode, message: string): HttpException {
  return code === 'invalid_tenant_header' || code === 'tenant_required'
    ? new BadRequestException(body(HttpStatus.BAD_REQUEST, 'Bad Request', code, message))
    : new ForbiddenException(body(HttpStatus.FORBIDDEN, 'Forbidden', code, message));
}
