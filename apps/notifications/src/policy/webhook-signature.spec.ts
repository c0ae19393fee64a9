import { createHmac } from 'node:crypto';
import { newWebhookSecret, signWebhook, verifyWebhook } from './webhook-signature';

describe('webhook signatures', () => {
  const secret = 'whsec_test';
  const body = '{"kind":"match-proposed"}';

  it('is HMAC-SHA256 over "<timestamp>.<body>" in hex, prefixed v1=', () => {
    const expected = createHmac('sha256', secret).update(`1700000000.${body}`).digest('hex');
    expect(signWebhook(secret, 1700000000, body)).toBe(`v1=${expected}`);
  });

  it('verifies only the same secret, timestamp and body, within the replay window', () => {
    const signature = signWebhook(secret, 1700000000, body);
    expect(verifyWebhook(secret, signature, 1700000000, body, 1700000100)).toBe(true);
    expect(verifyWebhook('other', signature, 1700000000, body, 1700000100)).toBe(false);
    expect(verifyWebhook(secret, signature, 1700000001, body, 1700000100)).toBe(false);
    expect(verifyWebhook(secret, signature, 1700000000, `${body} `, 1700000100)).toBe(false);
    expect(verifyWebhook(secret, signature, 1700000000, body, 1700000301)).toBe(false);
    expect(verifyWebhook(secret, 'v1=short', 1700000000, body, 1700000000)).toBe(false);
  });

  it('makes a new random secret each time', () => {
    expect(newWebhookSecret()).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(newWebhookSecret()).not.toBe(newWebhookSecret());
  });
});
