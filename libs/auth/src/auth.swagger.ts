import { applyDecorators } from '@nestjs/common';
import {
  ApiBearerAuth,
  ApiForbiddenResponse,
  ApiHeader,
  ApiUnauthorizedResponse,
  type DocumentBuilder,
} from '@nestjs/swagger';

/** The one OpenAPI security scheme name every service uses for bearer JWTs. */
export const BEARER_AUTH_NAME = 'bearer';

/** Registers the bearer JWT security scheme on a service's OpenAPI document. */
export function addBearerAuth(builder: DocumentBuilder): DocumentBuilder {
  return builder.addBearerAuth(
    {
      type: 'http',
      scheme: 'bearer',
      bearerFormat: 'JWT',
      description: 'Access token with MedMentor tenant and roles claims.',
    },
    BEARER_AUTH_NAME,
  );
}

/** Documents a protected controller or route: bearer scheme, X-Tenant-Id, 401 and 403. */
export const ApiAuth = (): MethodDecorator & ClassDecorator =>
  applyDecorators(
    ApiBearerAuth(BEARER_AUTH_NAME),
    ApiHeader({
      name: 'X-Tenant-Id',
      required: false,
      description:
        'Tenant to act in. Honoured only for platform-admin; others may only repeat their own.',
    }),
    ApiUnauthorizedResponse({ description: 'Missing, invalid or expired bearer token.' }),
    ApiForbiddenResponse({ description: 'The token lacks a required role.' }),
  );
