import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'x-medmentor-signature';
export const TIMESTAMP_HEADER = 'x-medmentor-timestamp';
export const DELIVERY_HEADER = 'x-medmentor-delivery';
/** Receivers should refuse a timestamp further than this from their clock (replays). */
export const REPLAY_WINDOW_SECONDS = 300;

/** A new webhook secret: 32 random bytes, shown to the administrator once. */
export const newWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64url')}`;

/** `v1=<hex HMAC-SHA256 of "<timestamp>.<body>">`: the timestamp is signed with the body. */
export const signWebhook = (secret: string, timestamp: number, body: string): string =>
  `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

/** What a receiver does: recompute, compare in constant time, and refuse stale timestamps. */
export const verifyWebhook = (
  secret: string,
  signature: string,
  timestamp: number,
  body: string,
  nowSeconds: number,
  windowSeconds = REPLAY_WINDOW_SECONDS,
): boolean => {
  if (!Number.isInteger(timestamp) || Math.abs(nowSeconds - timestamp) > windowSeconds)
    return false;
  const expected = Buffer.from(signWebhook(secret, timestamp, body));
  const given = Buffer.from(signature);
  return expected.length === given.length && timingSafeEqual(expected, given);
};
