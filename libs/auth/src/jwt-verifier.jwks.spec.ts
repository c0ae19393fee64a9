import { createPublicKey } from 'node:crypto';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { exportJWK, type JWK } from 'jose';
import { generateDevKeyPair, signDevToken, type DevKeyPair, type DevTokenClaims } from './dev-keys';
import { JwtVerifier } from './jwt-verifier';

// A real JWKS endpoint on a loopback port: no mocks of HTTP or jose.
const issuer = 'https://idp.test/';
const audience = 'medmentor-api';
const claims: DevTokenClaims = { subject: 'u1', tenantId: 't1', roles: ['mentee'] };

const jwkOf = async (keys: DevKeyPair, kid: string): Promise<JWK> => ({
  ...(await exportJWK(createPublicKey(keys.publicKeyPem))),
  kid,
  alg: keys.algorithm,
  use: 'sig',
});

describe('JwtVerifier with a remote JWKS', () => {
  let server: Server;
  let jwksUrl: string;
  let published: JWK[] = [];
  let status = 200;
  let requests = 0;
  let rsa: DevKeyPair;
  let ec: DevKeyPair;
  let next: DevKeyPair;

  beforeAll(async () => {
    [rsa, ec, next] = await Promise.all([
      generateDevKeyPair(),
      generateDevKeyPair('ES256'),
      generateDevKeyPair(),
    ]);
    server = createServer((_req, res) => {
      requests += 1;
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify({ keys: published }));
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    jwksUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}/.well-known/jwks.json`;
  });

  afterAll(async () => {
    await new Promise<void>((resolve, reject) =>
      server.close((error) => (error ? reject(error) : resolve())),
    );
  });

  beforeEach(async () => {
    published = [await jwkOf(rsa, 'rsa-1'), await jwkOf(ec, 'ec-1')];
    status = 200;
    requests = 0;
  });

  const verifier = (cooldownMs = 0) =>
    new JwtVerifier({ jwksUrl, issuer, audience, jwks: { cooldownMs, timeoutMs: 2000 } });

  it('verifies RS256 and ES256 tokens by kid, fetching the set once', async () => {
    const v = verifier(30_000);
    const a = await signDevToken(rsa.privateKeyPem, claims, { issuer, audience, keyId: 'rsa-1' });
    const b = await signDevToken(ec.privateKeyPem, claims, { issuer, audience, keyId: 'ec-1' });
    await expect(v.verify(a)).resolves.toMatchObject({ tenantId: 't1', roles: ['mentee'] });
    await expect(v.verify(b)).resolves.toMatchObject({ subject: 'u1' });
    await expect(v.verify(a)).resolves.toMatchObject({ subject: 'u1' });
    expect(requests).toBe(1);
  });

  it('picks up a rotated key by refetching on an unknown kid', async () => {
    const v = verifier();
    await v.verify(
      await signDevToken(rsa.privateKeyPem, claims, { issuer, audience, keyId: 'rsa-1' }),
    );
    published = [await jwkOf(next, 'rsa-2')];
    const rotated = await signDevToken(next.privateKeyPem, claims, {
      issuer,
      audience,
      keyId: 'rsa-2',
    });
    await expect(v.verify(rotated)).resolves.toMatchObject({ subject: 'u1' });
    expect(requests).toBe(2);
  });

  it('rejects a token whose key is not in the set (401, not 503)', async () => {
    const stranger = await signDevToken(next.privateKeyPem, claims, {
      issuer,
      audience,
      keyId: 'nope',
    });
    await expect(verifier().verify(stranger)).rejects.toMatchObject({ code: 'unknown_key' });
  });

  it('rejects a token signed by another key under a known kid', async () => {
    const forged = await signDevToken(next.privateKeyPem, claims, {
      issuer,
      audience,
      keyId: 'rsa-1',
    });
    await expect(verifier().verify(forged)).rejects.toMatchObject({ code: 'bad_signature' });
  });

  it('reports unavailable keys when the JWKS endpoint fails', async () => {
    status = 500;
    const token = await signDevToken(rsa.privateKeyPem, claims, {
      issuer,
      audience,
      keyId: 'rsa-1',
    });
    await expect(verifier().verify(token)).rejects.toMatchObject({ code: 'keys_unavailable' });
  });

  it('reports unavailable keys when nothing listens', async () => {
    const v = new JwtVerifier({ jwksUrl: 'http://127.0.0.1:1/jwks', issuer, audience });
    const token = await signDevToken(rsa.privateKeyPem, claims, {
      issuer,
      audience,
      keyId: 'rsa-1',
    });
    await expect(v.verify(token)).rejects.toMatchObject({ code: 'keys_unavailable' });
  });
});
