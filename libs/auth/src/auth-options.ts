import { z } from 'zod';
import { DEFAULT_CLAIM_NAMES, type ClaimNames } from './claims';

/** How tokens are verified. Build it from the environment with `authOptionsFromEnv`. */
export interface AuthOptions {
  /** OIDC jwks_uri (production). Exactly one of `jwksUrl` and `publicKey`. */
  readonly jwksUrl?: string;
  /** SPKI PEM of an RSA or P-256 public key (development and tests). */
  readonly publicKey?: string;
  /** Expected `iss`. */
  readonly issuer: string;
  /** Expected `aud`; a token must name at least one of them. */
  readonly audience: string | readonly string[];
  /** Leeway for `exp`/`nbf`, in seconds. Default 30. */
  readonly clockToleranceSeconds?: number;
  /** Claim names when the identity provider cannot emit the defaults. */
  readonly claimNames?: Partial<ClaimNames>;
  /** Remote JWKS tuning; jose's defaults otherwise. */
  readonly jwks?: {
    readonly timeoutMs?: number;
    readonly cooldownMs?: number;
    readonly cacheMaxAgeMs?: number;
  };
}

export interface ResolvedAuthOptions extends AuthOptions {
  readonly audience: readonly string[];
  readonly clockToleranceSeconds: number;
  readonly claimNames: ClaimNames;
}

export const DEFAULT_CLOCK_TOLERANCE_SECONDS = 30;

const LOOPBACK_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

const jwksUrlSchema = z.url().refine((value) => {
  const url = new URL(value);
  return (
    url.protocol === 'https:' || (url.protocol === 'http:' && LOOPBACK_HOSTS.has(url.hostname))
  );
}, 'must be https (plain http only on a loopback host)');

const optionsSchema = z
  .object({
    jwksUrl: jwksUrlSchema.optional(),
    publicKey: z
      .string()
      .includes('-----BEGIN PUBLIC KEY-----', { message: 'must be an SPKI PEM' })
      .optional(),
    issuer: z.string().min(1),
    audience: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
    clockToleranceSeconds: z.number().int().min(0).max(300).optional(),
    claimNames: z
      .object({
        tenantId: z.string().min(1),
        roles: z.string().min(1),
        physicianId: z.string().min(1),
      })
      .partial()
      .optional(),
    jwks: z
      .object({
        timeoutMs: z.number().int().positive(),
        cooldownMs: z.number().int().min(0),
        cacheMaxAgeMs: z.number().int().positive(),
      })
      .partial()
      .optional(),
  })
  .refine((o) => (o.jwksUrl === undefined) !== (o.publicKey === undefined), {
    message: 'set exactly one of jwksUrl (AUTH_JWKS_URL) and publicKey (AUTH_PUBLIC_KEY)',
  });

/** Invalid auth configuration; `problems` name the offending option (or variable) each. */
export class AuthConfigError extends Error {
  override readonly name = 'AuthConfigError';

  constructor(readonly problems: readonly { readonly field: string; readonly message: string }[]) {
    super(
      `Invalid auth configuration: ${problems.map((p) => `${p.field}: ${p.message}`).join('; ')}`,
    );
  }
}

const problemsOf = (error: z.ZodError, rename: (field: string) => string = (f) => f) =>
  error.issues.map((issue) => ({
    field: issue.path.length > 0 ? rename(issue.path.map(String).join('.')) : '(options)',
    message: issue.message,
  }));

/** Validates options and fills defaults; throws AuthConfigError naming every problem. */
export function resolveAuthOptions(options: AuthOptions): ResolvedAuthOptions {
  return resolve(options, (f) => f);
}

function resolve(options: AuthOptions, rename: (field: string) => string): ResolvedAuthOptions {
  const parsed = optionsSchema.safeParse({
    ...options,
    // Env files often carry a PEM on one line with literal "\n".
    publicKey: options.publicKey?.replace(/\\n/g, '\n'),
  });
  if (!parsed.success) {
    throw new AuthConfigError(problemsOf(parsed.error, rename));
  }
  const o = parsed.data;
  return {
    ...o,
    audience: typeof o.audience === 'string' ? [o.audience] : o.audience,
    clockToleranceSeconds: o.clockToleranceSeconds ?? DEFAULT_CLOCK_TOLERANCE_SECONDS,
    claimNames: { ...DEFAULT_CLAIM_NAMES, ...o.claimNames },
  };
}

/** The environment variables `authOptionsFromEnv` reads. */
export const AUTH_ENV = {
  jwksUrl: 'AUTH_JWKS_URL',
  publicKey: 'AUTH_PUBLIC_KEY',
  issuer: 'AUTH_ISSUER',
  audience: 'AUTH_AUDIENCE',
  clockToleranceSeconds: 'AUTH_CLOCK_TOLERANCE_SECONDS',
  tenantClaim: 'AUTH_TENANT_CLAIM',
  rolesClaim: 'AUTH_ROLES_CLAIM',
  physicianClaim: 'AUTH_PHYSICIAN_CLAIM',
} as const;

const blankToUndefined = (value: unknown): unknown =>
  typeof value === 'string' && value.trim() === '' ? undefined : value;
const optionalEnv = z.preprocess(blankToUndefined, z.string().optional());
const requiredEnv = z.preprocess(blankToUndefined, z.string({ error: 'is required' }));

/** Zod schema of the auth variables, for a service's config layer to compose with its own. */
export const authEnvSchema = z.object({
  [AUTH_ENV.jwksUrl]: optionalEnv,
  [AUTH_ENV.publicKey]: optionalEnv,
  [AUTH_ENV.issuer]: requiredEnv,
  [AUTH_ENV.audience]: requiredEnv,
  [AUTH_ENV.clockToleranceSeconds]: z.preprocess(
    blankToUndefined,
    z.coerce.number().int().min(0).max(300).optional(),
  ),
  [AUTH_ENV.tenantClaim]: optionalEnv,
  [AUTH_ENV.rolesClaim]: optionalEnv,
  [AUTH_ENV.physicianClaim]: optionalEnv,
});

export type AuthEnv = z.infer<typeof authEnvSchema>;

/**
 * Auth options from environment variables (pass `process.env` from the service's config layer).
 * AUTH_AUDIENCE may list several audiences separated by commas. Throws naming every bad variable.
 */
export function authOptionsFromEnv(
  env: Readonly<Record<string, string | undefined>>,
): ResolvedAuthOptions {
  const parsed = authEnvSchema.safeParse(env);
  if (!parsed.success) {
    throw new AuthConfigError(problemsOf(parsed.error));
  }
  const e = parsed.data;
  const claimNames: { -readonly [K in keyof ClaimNames]?: string } = {};
  if (e.AUTH_TENANT_CLAIM !== undefined) claimNames.tenantId = e.AUTH_TENANT_CLAIM;
  if (e.AUTH_ROLES_CLAIM !== undefined) claimNames.roles = e.AUTH_ROLES_CLAIM;
  if (e.AUTH_PHYSICIAN_CLAIM !== undefined) claimNames.physicianId = e.AUTH_PHYSICIAN_CLAIM;
  const envName: Record<string, string> = {
    jwksUrl: AUTH_ENV.jwksUrl,
    publicKey: AUTH_ENV.publicKey,
    issuer: AUTH_ENV.issuer,
    audience: AUTH_ENV.audience,
    clockToleranceSeconds: AUTH_ENV.clockToleranceSeconds,
  };
  return resolve(
    {
      ...(e.AUTH_JWKS_URL !== undefined && { jwksUrl: e.AUTH_JWKS_URL }),
      ...(e.AUTH_PUBLIC_KEY !== undefined && { publicKey: e.AUTH_PUBLIC_KEY }),
      issuer: e.AUTH_ISSUER,
      audience: e.AUTH_AUDIENCE.split(',')
        .map((a) => a.trim())
        .filter((a) => a.length > 0),
      ...(e.AUTH_CLOCK_TOLERANCE_SECONDS !== undefined && {
        clockToleranceSeconds: e.AUTH_CLOCK_TOLERANCE_SECONDS,
      }),
      claimNames,
    },
    (field) => envName[field.split('.')[0] ?? ''] ?? field,
  );
}
