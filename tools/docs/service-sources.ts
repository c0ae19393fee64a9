// The source files of services and libraries, for checks that read the code as text.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Source files of services and libraries, without tests and test helpers. */
export function serviceSources(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) {
      if (['node_modules', 'test', 'testing', '__fixtures__'].includes(entry.name)) continue;
      files.push(...serviceSources(path));
    } else if (
      entry.name.endsWith('.ts') &&
      !/\.(spec|integration-spec|e2e-spec)\.ts$/.test(entry.name)
    ) {
      files.push(path);
    }
  }
  return files;
}
