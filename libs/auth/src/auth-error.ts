/** Why authentication failed, as a stable code clients and logs can rely on. */
export type AuthErrorCode =
  | 'missing_token'
  | 'malformed_token'
  | 'token_expired'
  | 'token_not_yet_valid'
  | 'wrong_issuer'
  | 'wrong_audience'
  | 'bad_signature'
  | 'unknown_key'
  | 'algorithm_not_allowed'
  | 'invalid_token'
  | 'invalid_claims'
  | 'missing_tenant'
  /** The keys to verify with could not be fetched: our problem, not the caller's (503). */
  | 'keys_unavailable';

/** A framework-free authentication failure; the guard maps it to an HTTP exception. */
export class AuthError extends Error {
  override readonly name = 'AuthError';

  constructor(
    readonly code: AuthErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
