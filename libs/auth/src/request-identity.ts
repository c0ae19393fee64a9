import type { Identity } from './identity';

/** The request property the guard stores the identity under (the Passport convention). */
export const REQUEST_IDENTITY_KEY = 'user';

type RequestLike = object;

/** The identity the guard attached to a request (Fastify or Express), if any. */
export function getRequestIdentity(request: RequestLike): Identity | undefined {
  return (request as Record<string, Identity | undefined>)[REQUEST_IDENTITY_KEY];
}

export function setRequestIdentity(request: RequestLike, identity: Identity): void {
  (request as Record<string, Identity>)[REQUEST_IDENTITY_KEY] = identity;
}
