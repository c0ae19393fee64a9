import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';
import { CATEGORIES } from './message-kind';

const claimsSchema = z.strictObject({
  t: z.string().min(1).max(128),
  p: z.string().min(1).max(128),
  c: z.enum([...CATEGORIES, 'all']),
});

/** Who unsubscribes from what: tenant, physician, category (or `all` non-critical email). */
export interface UnsubscribeClaims {
  tenantId: string;
  physicianId: string;
  category: z.infer<typeof claimsSchema>['c'];
}

const mac = (secret: string, payload: string): string =>
  createHmac('sha256', secret).update(payload).digest('base64url');

/** `<base64url JSON>.<base64url HMAC-SHA256>`: no expiry, since a link in an old mail must still work. */
export const signUnsubscribeToken = (secret: string, claims: UnsubscribeClaims): string => {
  const payload = Buffer.from(
    JSON.stringify({ t: claims.tenantId, p: claims.physicianId, c: claims.category }),
  ).toString('base64url');
  return `${payload}.${mac(secret, payload)}`;
};

/** The claims of a token this service signed, or null for anything else. */
export const verifyUnsubscribeToken = (secret: string, token: string): UnsubscribeClaims | null => {
  const [payload, signature, extra] = token.split('.');
  if (!payload || !signature || extra !== undefined) return null;
  const expected = Buffer.from(mac(secret, payload));
  const given = Buffer.from(signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return null;
  try {
    const claims = claimsSchema.safeParse(
      JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')),
    );
    return claims.success
      ? { tenantId: claims.data.t, physicianId: claims.data.p, category: claims.data.c }
      : null;
  } catch {
    return null;
  }
};
