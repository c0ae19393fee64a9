import { closeSync, openSync, readSync, statSync } from 'node:fs';

/** Last `lines` lines of a text file ('' if it does not exist); reads at most 64 KiB. */
export function tailFile(file: string, lines = 30): string {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return '';
  }
  try {
    const size = statSync(file).size;
    const length = Math.min(size, 64 * 1024);
    const buffer = Buffer.alloc(length);
    readSync(fd, buffer, 0, length, size - length);
    const all = buffer.toString('utf8').split('\n');
    if (all[all.length - 1] === '') all.pop();
    return all.slice(-lines).join('\n');
  } finally {
    closeSync(fd);
  }
}

export function withLogTail(message: string, files: readonly string[], lines = 30): string {
  const parts = [message];
  for (const file of files) {
    const tail = tailFile(file, lines);
    if (tail !== '') parts.push(`--- last lines of ${file} ---\n${tail}`);
  }
  return parts.join('\n');
}
