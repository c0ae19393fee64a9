import { createPrivateKey } from 'node:crypto';
import { exportPKCS8, exportSPKI, generateKeyPair, SignJWT } from 'jose';
import { DEFAULT_CLAIM_NAMES, type ClaimNames } from './claims';
import type { Role } from './roles';

// DEVELOPMENT AND TESTS ONLY. Production tokens come from the identity provider.

export type DevAlgorithm = 'RS256' | 'ES256';

export interface DevKeyPair {
  readonly algorithm: DevAlgorithm;
  /** SPKI PEM: the value of AUTH_PUBLIC_KEY. */
  readonly publicKeyPem: string;
  /** PKCS#8 PEM: keep it out of git (tools keep theirs under .cache/auth/). */
  readonly privateKeyPem: string;
}

/** A fresh key pair for signing dev/test tokens. */
export async function generateDevKeyPair(algorithm: DevAlgorithm = 'RS256'): Promise<DevKeyPair> {
  const { publicKey, privateKey } = await generateKeyPair(algorithm, {
    extractable: true,
    modulusLength: 2048,
  });
  return {
    algorithm,
    publicKeyPem: await exportSPKI(publicKey),
    privateKeyPem: await exportPKCS8(privateKey),
  };
}

export interface DevTokenClaims {
  readonly subject: string;
  readonly tenantId?: string;
  readonly roles: readonly Role[];
  readonly physicianId?: string;
  /** Raw claims merged last (they win): for tests of malformed tokens. */
  readonly extraClaims?: Record<string, unknown>;
}

export interface DevTokenOptions {
  readonly issuer: string;
  readonly audience: string | readonly string[];
  /** Defaults to the key's type: RS256 for RSA, ES256 for P-256. */
  readonly algorithm?: DevAlgorithm;
  /** Seconds from now (negative for an expired token) or a jose time span ('1h', '15m', '-5m'). Default '1h'. */
  readonly expiresIn?: number | string;
  readonly keyId?: string;
  readonly claimNames?: Partial<ClaimNames>;
}

/** Signs a token the way MedMentor's identity provider would. */
export async function signDevToken(
  privateKeyPem: string,
  claims: DevTokenClaims,
  options: DevTokenOptions,
): Promise<string> {
  const key = createPrivateKey(privateKeyPem);
  const algorithm = options.algorithm ?? (key.asymmetricKeyType === 'ec' ? 'ES256' : 'RS256');
  const names = { ...DEFAULT_CLAIM_NAMES, ...options.claimNames };
  const expiresIn = options.expiresIn ?? '1h';
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({
    [names.roles]: [...claims.roles],
    ...(claims.tenantId !== undefined && { [names.tenantId]: claims.tenantId }),
    ...(claims.physicianId !== undefined && { [names.physicianId]: claims.physicianId }),
    ...claims.extraClaims,
  })
    .setProtectedHeader({
      alg: algorithm,
      typ: 'JWT',
      ...(options.keyId !== undefined && { kid: options.keyId }),
    })
    .setSubject(claims.subject)
    .setIssuer(options.issuer)
    .setAudience(typeof options.audience === 'string' ? options.audience : [...options.audience])
    .setIssuedAt(now)
    .setExpirationTime(typeof expiresIn === 'number' ? now + expiresIn : expiresIn)
    .sign(key);
}
