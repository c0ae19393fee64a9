import { createPublicKey, type KeyObject } from 'node:crypto';
import {
  createRemoteJWKSet,
  errors,
  jwtVerify,
  type JWTPayload,
  type JWTVerifyOptions,
} from 'jose';
import { AuthError } from './auth-error';
import { resolveAuthOptions, type AuthOptions, type ResolvedAuthOptions } from './auth-options';
import { identityFromClaims } from './claims';
import type { Identity } from './identity';

/** Algorithms accepted from a JWKS; a configured PEM key admits only its own algorithm. */
export const ACCEPTED_ALGORITHMS = ['RS256', 'ES256'] as const;

/** Far above any real access token; refuses to spend crypto on junk. */
const MAX_TOKEN_LENGTH = 16 * 1024;

type KeySource =
  | { readonly kind: 'static'; readonly key: KeyObject }
  | { readonly kind: 'remote'; readonly getKey: ReturnType<typeof createRemoteJWKSet> };

/**
 * Verifies bearer JWTs (signature, iss, aud, exp, nbf) and reads the MedMentor claims.
 * Framework-free: the Nest guard is a thin adapter over it.
 */
export class JwtVerifier {
  readonly options: ResolvedAuthOptions;
  private readonly source: KeySource;
  private readonly verifyOptions: JWTVerifyOptions;

  constructor(options: AuthOptions) {
    this.options = resolveAuthOptions(options);
    const { jwksUrl, publicKey, jwks } = this.options;
    let algorithms: string[] = [...ACCEPTED_ALGORITHMS];
    if (publicKey !== undefined) {
      const key = createPublicKey(publicKey);
      algorithms = [algorithmOf(key)];
      this.source = { kind: 'static', key };
    } else {
      // createRemoteJWKSet caches the set, refetches on an unknown `kid` (key rotation) at most
      // once per cooldown, and refreshes it after cacheMaxAge.
      this.source = {
        kind: 'remote',
        getKey: createRemoteJWKSet(new URL(jwksUrl as string), {
          ...(jwks?.timeoutMs !== undefined && { timeoutDuration: jwks.timeoutMs }),
          ...(jwks?.cooldownMs !== undefined && { cooldownDuration: jwks.cooldownMs }),
          ...(jwks?.cacheMaxAgeMs !== undefined && { cacheMaxAge: jwks.cacheMaxAgeMs }),
        }),
      };
    }
    this.verifyOptions = {
      algorithms,
      issuer: this.options.issuer,
      audience: [...this.options.audience],
      clockTolerance: this.options.clockToleranceSeconds,
      requiredClaims: ['exp', 'sub'],
    };
  }

  /** Resolves the caller's identity, or rejects with an AuthError saying why not. */
  async verify(token: string): Promise<Identity> {
    if (token.length === 0 || token.length > MAX_TOKEN_LENGTH) {
      throw new AuthError('malformed_token', 'Bearer token is empty or too long');
    }
    let payload: JWTPayload;
    try {
      payload =
        this.source.kind === 'static'
          ? (await jwtVerify(token, this.source.key, this.verifyOptions)).payload
          : (await jwtVerify(token, this.source.getKey, this.verifyOptions)).payload;
    } catch (error) {
      throw toAuthError(error, this.source.kind === 'remote');
    }
    return identityFromClaims(payload, this.options.claimNames);
  }
}

function algorithmOf(key: KeyObject): string {
  if (key.asymmetricKeyType === 'rsa') return 'RS256';
  if (key.asymmetricKeyType === 'ec' && key.asymmetricKeyDetails?.namedCurve === 'prime256v1')
    return 'ES256';
  throw new Error('AUTH_PUBLIC_KEY must be an RSA or P-256 (prime256v1) public key');
}

function toAuthError(error: unknown, remoteKeys: boolean): AuthError {
  const fail = (code: ConstructorParameters<typeof AuthError>[0], message: string) =>
    new AuthError(code, message, { cause: error });
  if (error instanceof errors.JWTExpired) {
    return fail('token_expired', 'Token has expired');
  }
  if (error instanceof errors.JWTClaimValidationFailed) {
    if (error.claim === 'iss') return fail('wrong_issuer', 'Token issuer is not accepted');
    if (error.claim === 'aud') return fail('wrong_audience', 'Token audience is not accepted');
    if (error.claim === 'nbf' && error.reason === 'check_failed') {
      return fail('token_not_yet_valid', 'Token is not valid yet');
    }
    return fail(
      'invalid_claims',
      `Token claim "${error.claim}" is ${error.reason === 'missing' ? 'missing' : 'invalid'}`,
    );
  }
  if (error instanceof errors.JWSSignatureVerificationFailed) {
    return fail('bad_signature', 'Token signature is invalid');
  }
  if (
    error instanceof errors.JWKSNoMatchingKey ||
    error instanceof errors.JWKSMultipleMatchingKeys
  ) {
    return fail('unknown_key', 'Token was not signed by a known key');
  }
  if (error instanceof errors.JOSEAlgNotAllowed || error instanceof errors.JOSENotSupported) {
    return fail('algorithm_not_allowed', 'Token signing algorithm is not accepted');
  }
  if (error instanceof errors.JWSInvalid || error instanceof errors.JWTInvalid) {
    return fail('malformed_token', 'Token is malformed');
  }
  // Fetching the JWKS failed (timeout, non-200, bad JSON, network): the token may be fine.
  const fetchFailed =
    error instanceof errors.JWKSTimeout ||
    error instanceof errors.JWKSInvalid ||
    !(error instanceof errors.JOSEError) ||
    error.code === errors.JOSEError.code;
  if (remoteKeys && fetchFailed) {
    return fail('keys_unavailable', 'Signing keys are unavailable; try again later');
  }
  return fail('invalid_token', 'Token is invalid');
}
