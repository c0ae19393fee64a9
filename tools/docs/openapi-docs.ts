// Rewrites docs/openapi/<service>.json from the built services (run `npm run build` first).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';

const root = join(__dirname, '../..');
for (const service of ['profiles', 'matching', 'scheduling', 'notifications']) {
  const target = join(root, 'docs/openapi', `${service}.json`);
  execFileSync(
    process.execPath,
    [join(root, 'dist/apps', service, 'src/main.js'), '--write-openapi', target],
    {
      stdio: 'inherit',
    },
  );
  console.log(`wrote ${target}`);
}
