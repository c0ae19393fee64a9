import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';

/** sha256 over the files' contents (and names), plus extra strings such as a tool version. */
export function hashFiles(files: readonly string[], extra: readonly string[] = []): string {
  const hash = createHash('sha256');
  for (const file of files) {
    hash.update(file.split('/').pop() ?? file);
    hash.update('\0');
    hash.update(readFileSync(file));
    hash.update('\0');
  }
  for (const value of extra) hash.update(`${value}\0`);
  return hash.digest('hex');
}

export function readMarker(file: string): string | null {
  try {
    return readFileSync(file, 'utf8').trim();
  } catch {
    return null;
  }
}
