import { randomBytes } from 'node:crypto';
import { isSealed, SecretBox, SecretUnreadableError } from './secret-box';

describe('SecretBox (AES-256-GCM)', () => {
  const box = new SecretBox(randomBytes(32));
  const secret = 'whsec_abcdefghijklmnopqrstuvwxyz0123456789ABCDEFG';

  it('opens what it sealed, and each seal differs (fresh IV) without showing the secret', () => {
    const a = box.seal(secret, 't1:w1');
    const b = box.seal(secret, 't1:w1');
    expect(a).not.toBe(b);
    expect(isSealed(a)).toBe(true);
    expect(a).not.toContain(secret);
    expect(a).not.toContain(Buffer.from(secret).toString('base64url'));
    expect(box.open(a, 't1:w1')).toBe(secret);
    expect(box.open(b, 't1:w1')).toBe(secret);
  });

  it('refuses another context (a value copied to another webhook or tenant)', () => {
    const sealed = box.seal(secret, 't1:w1');
    expect(() => box.open(sealed, 't1:w2')).toThrow(SecretUnreadableError);
    expect(() => box.open(sealed, 't2:w1')).toThrow('authentication failed');
  });

  it('refuses a tampered value', () => {
    const sealed = box.seal(secret, 'c');
    const parts = sealed.split('.');
    const data = Buffer.from(parts[4] ?? '', 'base64url');
    data[0] = (data[0] ?? 0) ^ 1;
    parts[4] = data.toString('base64url');
    expect(() => box.open(parts.join('.'), 'c')).toThrow('authentication failed');
    expect(() => box.open('v1.x', 'c')).toThrow('not a sealed value');
    expect(() => box.open(secret, 'c')).toThrow('not a sealed value');
  });

  it('names a value sealed with another key', () => {
    const other = new SecretBox(randomBytes(32));
    expect(() => box.open(other.seal(secret, 'c'), 'c')).toThrow(
      `sealed with another key (${other.keyId})`,
    );
  });

  it('needs a 32-byte key', () => {
    expect(() => new SecretBox(randomBytes(16))).toThrow('32-byte key');
  });
});
