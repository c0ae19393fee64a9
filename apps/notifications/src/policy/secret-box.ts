import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';

/**
 * AES-256-GCM for secrets the service must read back (webhook signing secrets). A sealed
 * value is `v1.<key id>.<iv>.<tag>.<ciphertext>` (base64url): the key id (first bytes of the
 * key's SHA-256) tells a value sealed with another key from a tampered one, and the context
 * (e.g. tenant and webhook id) is authenticated, so a value copied to another record does not
 * open there.
 */
export const SEALED_PREFIX = 'v1.';
const IV_BYTES = 12;

export class SecretUnreadableError extends Error {
  constructor(reason: string) {
    super(`secret unreadable: ${reason}`);
    this.name = 'SecretUnreadableError';
  }
}

export const isSealed = (value: string): boolean => value.startsWith(SEALED_PREFIX);

export const keyIdOf = (key: Buffer): string =>
  createHash('sha256').update(key).digest('base64url').slice(0, 8);

export class SecretBox {
  readonly keyId: string;

  constructor(private readonly key: Buffer) {
    if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
    this.keyId = keyIdOf(key);
  }

  seal(plain: string, context: string): string {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    cipher.setAAD(Buffer.from(context, 'utf8'));
    const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
    return [
      'v1',
      this.keyId,
      iv.toString('base64url'),
      cipher.getAuthTag().toString('base64url'),
      data.toString('base64url'),
    ].join('.');
  }

  open(sealed: string, context: string): string {
    const [version, keyId, iv, tag, data, ...rest] = sealed.split('.');
    if (version !== 'v1' || !keyId || !iv || !tag || data === undefined || rest.length > 0)
      throw new SecretUnreadableError('not a sealed value');
    if (keyId !== this.keyId) throw new SecretUnreadableError(`sealed with another key (${keyId})`);
    try {
      const decipher = createDecipheriv('aes-256-gcm', this.key, Buffer.from(iv, 'base64url'));
      decipher.setAAD(Buffer.from(context, 'utf8'));
      decipher.setAuthTag(Buffer.from(tag, 'base64url'));
      return Buffer.concat([
        decipher.update(Buffer.from(data, 'base64url')),
        decipher.final(),
      ]).toString('utf8');
    } catch {
      throw new SecretUnreadableError('authentication failed');
    }
  }
}
