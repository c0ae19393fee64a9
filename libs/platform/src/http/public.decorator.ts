import { applyDecorators, SetMetadata } from '@nestjs/common';

/** Route metadata: no bearer token needed. Honoured by the auth guard. */
export const IS_PUBLIC_KEY = 'medmentor:isPublic';

// The key @medmentor/auth's guard reads today; set too until the two are reconciled.
const AUTH_LIB_PUBLIC_KEY = 'medmentor:auth:public';

/** Marks a controller or handler as public (health, metrics, docs). */
export const Public = (): MethodDecorator & ClassDecorator =>
  applyDecorators(SetMetadata(IS_PUBLIC_KEY, true), SetMetadata(AUTH_LIB_PUBLIC_KEY, true));
