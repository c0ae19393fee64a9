import { type ComponentName, isComponentName } from './core/component-names';

export type CliCommand =
  | { kind: 'up' }
  | { kind: 'down' }
  | { kind: 'status' }
  | { kind: 'with'; command: string[] }
  | { kind: 'component'; component: ComponentName; action: 'start' | 'stop' }
  | { kind: 'smtp-messages'; json: boolean }
  | { kind: 'smtp-clear' }
  | { kind: 'smtp-send'; from: string; to: string[]; subject: string; text: string }
  | { kind: 'secure-kafka' }
  | { kind: 'help' };

export const USAGE = `usage: npx tsx tools/infra/src/cli.ts <command>

  up                      start Kafka, FerretDB (MongoDB wire) and an SMTP mailbox; print export lines
  down                    stop what up started and remove the state
  status                  show whether each component answers (exit 1 if one does not)
  with -- <command...>    up, run the command with the env vars set, down; exit with its code
  kafka stop|start        stop / start the broker, keeping its port and data
  mongo stop|start        stop / start FerretDB, keeping its port and data
  smtp stop|start         stop / start the SMTP mailbox, keeping its ports and mails
  smtp messages [--json]  list received mails
  smtp clear              delete received mails
  smtp send --to <addr> [--from <addr>] [--subject <s>] [--text <t>]
                          send a plain-text test mail
  secure-kafka            run a separate broker with SASL_SSL and mTLS listeners in the
                          foreground (test PKI, one user); print its settings; Ctrl-C stops it

env: KAFKA_BROKERS, MONGODB_URI, SMTP_URL (use an existing server), INFRA_KAFKA_PORT,
     INFRA_MONGO_PORT, INFRA_SMTP_PORT, INFRA_SMTP_API_PORT, INFRA_CACHE_DIR,
     INFRA_KAFKA_SECURE_PORT, INFRA_KAFKA_SECURE_CONTROLLER_PORT, INFRA_KAFKA_MTLS_PORT`;

function option(args: string[], name: string): string | undefined {
  const index = args.indexOf(name);
  if (index < 0) return undefined;
  const value = args[index + 1];
  if (value === undefined) throw new Error(`${name} needs a value`);
  return value;
}

function options(args: string[], name: string): string[] {
  const values: string[] = [];
  args.forEach((arg, i) => {
    if (arg === name && args[i + 1] !== undefined) values.push(args[i + 1]);
  });
  return values;
}

/** Parses the arguments after `cli.ts`; throws with a usage hint on anything unknown. */
export function parseCliArgs(argv: readonly string[]): CliCommand {
  const [command, ...rest] = argv;
  switch (command) {
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      return { kind: 'help' };
    case 'up':
    case 'down':
    case 'status':
    case 'secure-kafka':
      if (rest.length > 0) throw new Error(`${command} takes no arguments`);
      return { kind: command };
    case 'with': {
      const separator = rest.indexOf('--');
      const cmd = separator >= 0 ? rest.slice(separator + 1) : rest;
      if (cmd.length === 0) throw new Error('usage: with -- <command> [args...]');
      return { kind: 'with', command: cmd };
    }
    case 'smtp': {
      const [action, ...args] = rest;
      if (action === 'messages') return { kind: 'smtp-messages', json: args.includes('--json') };
      if (action === 'clear') return { kind: 'smtp-clear' };
      if ((action === 'stop' || action === 'start') && args.length === 0) {
        return { kind: 'component', component: 'smtp', action };
      }
      if (action === 'send') {
        const to = options(args, '--to');
        if (to.length === 0) throw new Error('smtp send needs --to <address>');
        return {
          kind: 'smtp-send',
          to,
          from: option(args, '--from') ?? 'infra@medmentor.test',
          subject: option(args, '--subject') ?? 'Test mail from tools/infra',
          text: option(args, '--text') ?? 'Hello from tools/infra.',
        };
      }
      throw new Error('usage: smtp messages [--json] | smtp clear | smtp stop|start | smtp send --to <addr>');
    }
    default:
      if (isComponentName(command) && command !== 'smtp') {
        const [action] = rest;
        if ((action === 'start' || action === 'stop') && rest.length === 1) {
          return { kind: 'component', component: command, action };
        }
        throw new Error(`usage: ${command} stop|start`);
      }
      throw new Error(`unknown command "${command}"`);
  }
}
