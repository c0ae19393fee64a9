// The first quick-start command: builds the services, starts all four against the local
// infrastructure (run inside `tools/infra ... with`), waits until each is ready, prints
// where everything is, then keeps running until Ctrl-C (or exits at once with --exit).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { signDevToken } from '@medmentor/auth';
import { kafkaBrokers, mongoUri, ServiceProcess, SERVICES, type ServiceName } from '@medmentor/testing';
import { loadOrCreateDevKeyPair } from '../auth/dev-key-store';

const root = join(__dirname, '../..');
const ISSUER = 'medmentor-dev';
const AUDIENCE = 'medmentor-api';

const main = async (): Promise<void> => {
  const exitWhenReady = process.argv.includes('--exit');
  execFileSync('npm', ['run', '--silent', 'build'], { cwd: root, stdio: 'inherit' });
  const keys = await loadOrCreateDevKeyPair(join(root, '.cache/auth'));
  const services = (Object.keys(SERVICES) as ServiceName[]).map(
    (name) =>
      new ServiceProcess({
        name,
        port: Number(process.env[`${name.toUpperCase()}_PORT`] ?? SERVICES[name]),
        logDir: join(root, '.cache/stack/logs'),
        env: {
          MONGODB_URI: mongoUri(),
          KAFKA_BROKERS: kafkaBrokers().join(','),
          AUTH_PUBLIC_KEY: keys.publicKeyPem,
          AUTH_ISSUER: ISSUER,
          AUTH_AUDIENCE: AUDIENCE,
        },
      }),
  );
  let stopping = false;
  const stop = async (code: number) => {
    if (stopping) return;
    stopping = true;
    console.log('\nstopping services...');
    const codes = await Promise.all(services.map((service) => service.stop()));
    process.exit(codes.every((c) => c === 0) ? code : 1);
  };
  process.on('SIGINT', () => void stop(0));
  process.on('SIGTERM', () => void stop(0));

  const started = Date.now();
  services.forEach((service) => service.start());
  try {
    await Promise.all(services.map((service) => service.waitReady()));
  } catch (error) {
    console.error(`a service did not become ready: ${(error as Error).message}`);
    await stop(1);
    return;
  }
  const token = await signDevToken(
    keys.privateKeyPem,
    { subject: 'dev-admin', tenantId: 'demo-health-system', roles: ['org-admin'] },
    { issuer: ISSUER, audience: AUDIENCE, expiresIn: '8h' },
  );
  console.log(`\nMedMentor is up (all four services ready in ${((Date.now() - started) / 1000).toFixed(1)} s):\n`);
  for (const service of services) {
    console.log(`  ${service.options.name.padEnd(14)} ${service.url}   docs ${service.url}/docs   log ${service.logFile}`);
  }
  console.log(`\nInfrastructure: KAFKA_BROKERS=${kafkaBrokers().join(',')}  MONGODB_URI=${mongoUri()}`);
  if (process.env.SMTP_API_URL) console.log(`Mailbox (received emails): ${process.env.SMTP_API_URL}/messages`);
  console.log(`\nAn org-admin token for tenant demo-health-system (8 h):\n  export TOKEN=${token}`);
  console.log(
    `Try the event pipeline:\n  curl -s -X POST ${services[0].url}/api/v1/diagnostics/pings -H "authorization: Bearer $TOKEN" -H 'content-type: application/json' -d '{"message":"hello"}'`,
  );
  console.log(`  curl -s ${services[3].url}/api/v1/diagnostics/ping-receipts/<pingId> -H "authorization: Bearer $TOKEN"`);
  if (exitWhenReady) {
    await stop(0);
    return;
  }
  console.log('\nPress Ctrl-C to stop everything.');
};

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
