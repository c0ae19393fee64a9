/**
 * Entry point of the detached SMTP mailbox process that `infra up` starts:
 *   node --import tsx smtp-main.ts --smtp-port 2525 --api-port 8025 --dir <messages dir>
 */
import { startSmtpService } from './smtp-service';

function argument(args: readonly string[], name: string): string {
  const index = args.indexOf(name);
  const value = index >= 0 ? args[index + 1] : undefined;
  if (value === undefined) throw new Error(`missing ${name}`);
  return value;
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const service = await startSmtpService({
    smtpPort: Number(argument(args, '--smtp-port')),
    apiPort: Number(argument(args, '--api-port')),
    dir: argument(args, '--dir'),
  });
  process.stdout.write(
    `${new Date().toISOString()} SMTP on 127.0.0.1:${service.smtpPort}, API on http://127.0.0.1:${service.apiPort}, mails in ${service.store.dir}\n`,
  );
  const shutdown = (signal: string): void => {
    process.stdout.write(`${new Date().toISOString()} ${signal}: closing\n`);
    const force = setTimeout(() => process.exit(0), 3_000);
    force.unref();
    service.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `${new Date().toISOString()} SMTP mailbox failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  process.exit(1);
});
