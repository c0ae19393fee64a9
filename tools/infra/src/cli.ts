/**
 * Local infrastructure without Docker: Kafka (KRaft, from Maven Central jars), FerretDB (MongoDB
 * wire protocol, built from source) and a catch-all SMTP mailbox. See tools/infra/README.md.
 */
import { parseCliArgs, USAGE } from './cli-args';
import { findRepoRoot } from './core/repo-root';
import { loadInfraConfig } from './core/infra-config';
import { consoleOutput, exportLines } from './core/output';
import { stateEnv } from './core/state-file';
import { down } from './lifecycle/down';
import { clearMessages, listMessages, sendTestMail } from './lifecycle/smtp-commands';
import { status } from './lifecycle/status';
import { startComponent, stopComponent } from './lifecycle/toggle-component';
import { up } from './lifecycle/up';
import { runSecureKafka } from './lifecycle/secure-kafka-command';
import { withInfra } from './lifecycle/with-infra';

async function main(argv: readonly string[]): Promise<number> {
  const command = parseCliArgs(argv);
  if (command.kind === 'help') {
    consoleOutput.data(USAGE);
    return 0;
  }
  const config = loadInfraConfig(findRepoRoot(__dirname));
  const out = consoleOutput;
  switch (command.kind) {
    case 'up': {
      const controller = new AbortController();
      const stop = (): void => controller.abort();
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
      const result = await up(config, { out, signal: controller.signal });
      exportLines(stateEnv(result.state)).forEach((line) => out.data(line));
      return 0;
    }
    case 'down':
      await down(config, out);
      return 0;
    case 'status':
      return (await status(config, out)) ? 0 : 1;
    case 'with':
      return withInfra(config, command.command, out);
    case 'component':
      if (command.action === 'stop') await stopComponent(config, command.component, out);
      else await startComponent(config, command.component, out);
      return 0;
    case 'smtp-messages':
      await listMessages(config, command.json, out);
      return 0;
    case 'smtp-clear':
      await clearMessages(config, out);
      return 0;
    case 'smtp-send':
      await sendTestMail(config, command, out);
      return 0;
    case 'secure-kafka':
      await runSecureKafka(config, out);
      return 0;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    process.stderr.write(`infra: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
