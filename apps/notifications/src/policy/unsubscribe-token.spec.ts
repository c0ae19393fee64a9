import { signUnsubscribeToken, verifyUnsubscribeToken } from './unsubscribe-token';

describe('unsubscribe tokens', () => {
  const secret = 'a'.repeat(32);
  const claims = { tenantId: 't1', physicianId: 'p1', category: 'matching' as const };

  it('round-trips the claims', () => {
    expect(verifyUnsubscribeToken(secret, signUnsubscribeToken(secret, claims))).toEqual(claims);
  });

  it('refuses another secret, a changed payload and garbage', () => {
    const token = signUnsubscribeToken(secret, claims);
    expect(verifyUnsubscribeToken('b'.repeat(32), token)).toBeNull();
    const [, mac] = token.split('.');
    const forged = Buffer.from(JSON.stringify({ t: 't1', p: 'p2', c: 'matching' })).toString(
      'base64url',
    );
    expect(verifyUnsubscribeToken(secret, `${forged}.${mac}`)).toBeNull();
    expect(verifyUnsubscribeToken(secret, 'nonsense')).toBeNull();
    expect(verifyUnsubscribeToken(secret, `${token}.x`)).toBeNull();
  });
});
