import { createPrivateKey, generateKeyPairSync } from 'node:crypto';
import { SignJWT } from 'jose';
import type { AuthErrorCode } from './auth-error';
import { DEFAULT_CLAIM_NAMES } from './claims';
import {
  generateDevKeyPair,
  signDevToken,
  type DevKeyPair,
  type DevTokenClaims,
  type DevTokenOptions,
} from './dev-keys';
import { JwtVerifier } from './jwt-verifier';

const issuer = 'https://idp.test/';
const audience = 'medmentor-api';
const mentor: DevTokenClaims = {
  subject: 'user-1',
  tenantId: 't1',
  roles: ['mentor'],
  physicianId: 'p1',
};

describe('JwtVerifier with a public key', () => {
  let keys: DevKeyPair;
  let verifier: JwtVerifier;
  const sign = (claims: DevTokenClaims = mentor, options: Partial<DevTokenOptions> = {}) =>
    signDevToken(keys.privateKeyPem, claims, { issuer, audience, ...options });
  const rejection = async (token: Promise<string> | string, v: JwtVerifier = verifier) =>
    v.verify(await token).then(
      () => 'accepted',
      (error: { code: AuthErrorCode; message: string }) => error.code,
    );

  beforeAll(async () => {
    keys = await generateDevKeyPair();
    verifier = new JwtVerifier({ publicKey: keys.publicKeyPem, issuer, audience });
  });

  it('accepts a valid token and reads the claims', async () => {
    await expect(verifier.verify(await sign())).resolves.toEqual({
      subject: 'user-1',
      tenantId: 't1',
      tenantSource: 'token',
      roles: ['mentor'],
      physicianId: 'p1',
    });
  });

  it('rejects an expired token, within clock tolerance only', async () => {
    expect(await rejection(sign(mentor, { expiresIn: -120 }))).toBe('token_expired');
    expect(await rejection(sign(mentor, { expiresIn: -10 }))).toBe('accepted');
  });

  it('rejects a token not valid yet', async () => {
    const token = new SignJWT({
      [DEFAULT_CLAIM_NAMES.tenantId]: 't1',
      [DEFAULT_CLAIM_NAMES.roles]: ['mentor'],
    })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('u')
      .setIssuer(issuer)
      .setAudience(audience)
      .setNotBefore('10m')
      .setExpirationTime('1h')
      .sign(await importPrivate(keys));
    expect(await rejection(token)).toBe('token_not_yet_valid');
  });

  it('rejects a wrong issuer or audience', async () => {
    expect(await rejection(sign(mentor, { issuer: 'https://evil.test/' }))).toBe('wrong_issuer');
    expect(await rejection(sign(mentor, { audience: 'another-api' }))).toBe('wrong_audience');
  });

  it('accepts any of several audiences', async () => {
    const v = new JwtVerifier({ publicKey: keys.publicKeyPem, issuer, audience: ['a', audience] });
    expect(await rejection(sign(), v)).toBe('accepted');
  });

  it('rejects a token signed by another key', async () => {
    const other = await generateDevKeyPair();
    expect(await rejection(signDevToken(other.privateKeyPem, mentor, { issuer, audience }))).toBe(
      'bad_signature',
    );
  });

  it('rejects a tampered payload', async () => {
    const [header, , signature] = (await sign()).split('.');
    const payload = Buffer.from(
      JSON.stringify({
        sub: 'x',
        iss: issuer,
        aud: audience,
        exp: 9_999_999_999,
        [DEFAULT_CLAIM_NAMES.roles]: ['platform-admin'],
      }),
    ).toString('base64url');
    expect(await rejection(`${header}.${payload}.${signature}`)).toBe('bad_signature');
  });

  it('rejects unsigned, HMAC and malformed tokens', async () => {
    const body = Buffer.from(
      JSON.stringify({ sub: 'x', iss: issuer, aud: audience, exp: 9_999_999_999 }),
    ).toString('base64url');
    const none = `${Buffer.from('{"alg":"none"}').toString('base64url')}.${body}.`;
    expect(await rejection(none)).toBe('algorithm_not_allowed');
    const hmac = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256' })
      .sign(new TextEncoder().encode('k'.repeat(32)));
    expect(await rejection(hmac)).toBe('algorithm_not_allowed');
    expect(await rejection('not-a-jwt')).toBe('malformed_token');
    expect(await rejection('')).toBe('malformed_token');
  });

  it('requires exp and sub', async () => {
    const noExp = new SignJWT({
      [DEFAULT_CLAIM_NAMES.tenantId]: 't1',
      [DEFAULT_CLAIM_NAMES.roles]: ['mentor'],
    })
      .setProtectedHeader({ alg: 'RS256' })
      .setSubject('u')
      .setIssuer(issuer)
      .setAudience(audience)
      .sign(await importPrivate(keys));
    expect(await rejection(noExp)).toBe('invalid_claims');
    const noSub = new SignJWT({
      [DEFAULT_CLAIM_NAMES.tenantId]: 't1',
      [DEFAULT_CLAIM_NAMES.roles]: ['mentor'],
    })
      .setProtectedHeader({ alg: 'RS256' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setExpirationTime('1h')
      .sign(await importPrivate(keys));
    expect(await rejection(noSub)).toBe('invalid_claims');
  });

  it('rejects a token without a tenant', async () => {
    await expect(
      verifier.verify(await sign({ subject: 'u', roles: ['org-admin'] })),
    ).rejects.toMatchObject({
      code: 'missing_tenant',
      message: expect.stringContaining(DEFAULT_CLAIM_NAMES.tenantId),
    });
  });

  it('accepts a platform-admin token without a tenant', async () => {
    await expect(
      verifier.verify(await sign({ subject: 'root', roles: ['platform-admin'] })),
    ).resolves.toEqual({
      subject: 'root',
      roles: ['platform-admin'],
    });
  });

  it.each<[string, unknown]>([
    ['unknown role', ['mentor', 'superuser']],
    ['roles not a list', 'mentor'],
    ['no roles', []],
    ['roles not strings', [1]],
  ])('rejects bad roles: %s', async (_case, roles) => {
    await expect(
      verifier.verify(
        await sign({ ...mentor, extraClaims: { [DEFAULT_CLAIM_NAMES.roles]: roles } }),
      ),
    ).rejects.toMatchObject({
      code: 'invalid_claims',
      message: expect.stringContaining(DEFAULT_CLAIM_NAMES.roles),
    });
  });

  it('rejects a malformed tenant or physician id', async () => {
    expect(await rejection(sign({ ...mentor, tenantId: '{"$ne":1}' }))).toBe('invalid_claims');
    expect(
      await rejection(sign({ ...mentor, extraClaims: { [DEFAULT_CLAIM_NAMES.physicianId]: 42 } })),
    ).toBe('invalid_claims');
  });

  it('reads configured claim names', async () => {
    const claimNames = { tenantId: 'tenant', roles: 'roles', physicianId: 'physician' };
    const v = new JwtVerifier({
      publicKey: keys.publicKeyPem,
      issuer,
      audience,
      claimNames: { tenantId: 'tenant', roles: 'roles' },
    });
    const token = await sign(mentor, { claimNames });
    await expect(v.verify(token)).resolves.toMatchObject({ tenantId: 't1', roles: ['mentor'] });
    // Default names are ignored once renamed.
    expect(await rejection(sign(mentor), v)).toBe('invalid_claims');
  });

  it('verifies ES256 with a P-256 key', async () => {
    const ec = await generateDevKeyPair('ES256');
    const v = new JwtVerifier({ publicKey: ec.publicKeyPem, issuer, audience });
    await expect(
      v.verify(await signDevToken(ec.privateKeyPem, mentor, { issuer, audience })),
    ).resolves.toMatchObject({ tenantId: 't1' });
    // An RS256 token cannot be checked against an EC key.
    expect(await rejection(sign(), v)).toBe('algorithm_not_allowed');
  });

  it('refuses keys it cannot use', () => {
    const ed = generateKeyPairSync('ed25519').publicKey.export({
      type: 'spki',
      format: 'pem',
    }) as string;
    expect(() => new JwtVerifier({ publicKey: ed, issuer, audience })).toThrow(/RSA or P-256/);
  });
});

const importPrivate = async (keys: DevKeyPair) => createPrivateKey(keys.privateKeyPem);
