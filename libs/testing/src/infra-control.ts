import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

const run = promisify(execFile);
const root = join(__dirname, '../../..');

/**
 * Stops or starts one piece of the local infrastructure (same port and data), through the
 * project's infra tool. Only works when the tool started it (not for external servers).
 */
export const infraControl = async (component: 'kafka' | 'mongo', action: 'stop' | 'start'): Promise<void> => {
  await run(join(root, 'node_modules/.bin/tsx'), [join(root, 'tools/infra/src/cli.ts'), component, action], {
    cwd: root,
    env: process.env,
    timeout: 180_000,
  });
};
