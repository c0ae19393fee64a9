import { mkdirSync, rmSync } from 'node:fs';

/** Deletes and recreates a folder: every `up` starts from empty data. */
export function freshDir(dir: string): string {
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  return dir;
}
