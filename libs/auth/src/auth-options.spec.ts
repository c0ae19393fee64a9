import { generateKeyPairSync } from 'node:crypto';
import { AuthConfigError, authOptionsFromEnv, resolveAuthOptions } from './auth-options';
import { DEFAULT_CLAIM_NAMES } from './claims';

const publicKey = generateKeyPairSync('ec', { namedCurve: 'P-256' }).publicKey.export({
  type: 'spki',
  format: 'pem',
}) as string;

describe('resolveAuthOptions', () => {
  it('fills defaults', () => {
    const o = resolveAuthOptions({ publicKey, issuer: 'iss', audience: 'api' });
    expect(o.audience).toEqual(['api']);
    expect(o.clockToleranceSeconds).toBe(30);
    expect(o.claimNames).toEqual(DEFAULT_CLAIM_NAMES);
  });

  it('wants exactly one of jwksUrl and publicKey', () => {
    expect(() => resolveAuthOptions({ issuer: 'iss', audience: 'api' })).toThrow(/exactly one/);
    expect(() =>
      resolveAuthOptions({
        publicKey,
        jwksUrl: 'https://idp.example/jwks',
        issuer: 'iss',
        audience: 'api',
      }),
    ).toThrow(/exactly one/);
  });

  it('wants https for a remote JWKS except on loopback', () => {
    expect(() =>
      resolveAuthOptions({ jwksUrl: 'http://idp.example/jwks', issuer: 'i', audience: 'a' }),
    ).toThrow(AuthConfigError);
    expect(
      resolveAuthOptions({ jwksUrl: 'http://127.0.0.1:8080/jwks', issuer: 'i', audience: 'a' })
        .jwksUrl,
    ).toBe('http://127.0.0.1:8080/jwks');
  });
});

describe('authOptionsFromEnv', () => {
  const base = { AUTH_ISSUER: 'https://idp.example/', AUTH_AUDIENCE: 'medmentor-api, other' };

  it('reads the AUTH_* variables', () => {
    const o = authOptionsFromEnv({
      ...base,
      AUTH_PUBLIC_KEY: publicKey.replace(/\n/g, '\\n'),
      AUTH_CLOCK_TOLERANCE_SECONDS: '5',
      AUTH_TENANT_CLAIM: 'tenant',
      AUTH_JWKS_URL: '',
    });
    expect(o.publicKey).toBe(publicKey);
    expect(o.audience).toEqual(['medmentor-api', 'other']);
    expect(o.clockToleranceSeconds).toBe(5);
    expect(o.claimNames).toEqual({ ...DEFAULT_CLAIM_NAMES, tenantId: 'tenant' });
  });

  it('names the variables at fault', () => {
    const problems = (env: Record<string, string>) => {
      try {
        authOptionsFromEnv(env);
      } catch (error) {
        return (error as AuthConfigError).problems.map((p) => p.field);
      }
      return [];
    };
    expect(problems({})).toEqual(['AUTH_ISSUER', 'AUTH_AUDIENCE']);
    expect(problems({ ...base, AUTH_JWKS_URL: 'ftp://x' })).toEqual(['AUTH_JWKS_URL']);
    expect(
      problems({ ...base, AUTH_CLOCK_TOLERANCE_SECONDS: 'soon', AUTH_PUBLIC_KEY: publicKey }),
    ).toEqual(['AUTH_CLOCK_TOLERANCE_SECONDS']);
    expect(() => authOptionsFromEnv(base)).toThrow(/AUTH_JWKS_URL.*AUTH_PUBLIC_KEY/);
  });
});
