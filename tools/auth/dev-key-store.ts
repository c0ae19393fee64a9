// Keeps the local development signing key pair on disk (under the git-ignored .cache/), so
// services configured once with its public key keep accepting freshly minted tokens.
import { chmod, mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { generateDevKeyPair, type DevKeyPair } from '@medmentor/auth';

const PRIVATE_FILE = 'dev-signing-key.pem';
const PUBLIC_FILE = 'dev-signing-key.pub.pem';

/** Reads the pair from `dir`, creating it (RS256) on first use. */
export async function loadOrCreateDevKeyPair(
  dir: string,
): Promise<DevKeyPair & { readonly created: boolean }> {
  const privatePath = join(dir, PRIVATE_FILE);
  const publicPath = join(dir, PUBLIC_FILE);
  try {
    const [privateKeyPem, publicKeyPem] = await Promise.all([
      readFile(privatePath, 'utf8'),
      readFile(publicPath, 'utf8'),
    ]);
    return { algorithm: 'RS256', privateKeyPem, publicKeyPem, created: false };
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error;
  }
  const pair = await generateDevKeyPair('RS256');
  await mkdir(dir, { recursive: true });
  await writeFile(privatePath, pair.privateKeyPem, { mode: 0o600 });
  await chmod(privatePath, 0o600);
  await writeFile(publicPath, pair.publicKeyPem);
  return { ...pair, created: true };
}

/** `AUTH_PUBLIC_KEY="..."` on one line (literal \n), as @medmentor/auth reads it back. */
export const publicKeyEnvLine = (publicKeyPem: string): string =>
  `AUTH_PUBLIC_KEY="${publicKeyPem.trim().replace(/\n/g, '\\n')}"`;
