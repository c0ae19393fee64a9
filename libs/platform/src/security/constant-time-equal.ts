import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

// Both sides are hashed with a key only this process knows, so the comparison always
// covers 32 bytes: its time depends neither on where the inputs differ nor on their lengths.
const KEY = randomBytes(32);

const digest = (value: string | Buffer): Buffer => createHmac('sha256', KEY).update(value).digest();

/**
 * Compares a secret presented by a client (a calendar-feed or unsubscribe token, a webhook
 * signature) with the expected one in constant time. Use it instead of `===` for every
 * secret; a non-string presented value (an array from a repeated query key) is never equal.
 */
export function constantTimeEqual(presented: unknown, expected: string | Buffer): boolean {
  if (typeof presented !== 'string' && !Buffer.isBuffer(presented)) return false;
  const equalDigests = timingSafeEqual(digest(presented), digest(expected));
  // The digests cannot collide in practice; the length check only guards the impossible.
  return equalDigests && Buffer.byteLength(presented) === Buffer.byteLength(expected);
}
