import { createServer, type Server as HttpServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';
import { createApiHandler } from './http-api';
import { MessageStore } from './message-store';

export interface SmtpServiceOptions {
  /** 0 picks a free port. */
  smtpPort: number;
  apiPort: number;
  dir: string;
  host?: string;
  /** Largest accepted message in bytes. */
  maxSize?: number;
}

export interface SmtpService {
  smtpPort: number;
  apiPort: number;
  store: MessageStore;
  close(): Promise<void>;
}

function listen(
  server: {
    listen(port: number, host: string, cb: () => void): unknown;
    once(e: 'error', cb: (err: Error) => void): unknown;
  },
  port: number,
  host: string,
): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
}

/** A catch-all SMTP server (no auth, no TLS) that keeps every mail, plus its HTTP mailbox API. */
export async function startSmtpService(options: SmtpServiceOptions): Promise<SmtpService> {
  const host = options.host ?? '127.0.0.1';
  const maxSize = options.maxSize ?? 25 * 1024 * 1024;
  const store = new MessageStore(options.dir);

  const smtp = new SMTPServer({
    secure: false,
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    banner: 'MedMentor test mailbox',
    size: maxSize,
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('error', (error: Error) => callback(error));
      stream.on('end', () => {
        if ((stream as { sizeExceeded?: boolean }).sizeExceeded) {
          const error = new Error(`message exceeds ${maxSize} bytes`) as Error & {
            responseCode?: number;
          };
          error.responseCode = 552;
          callback(error);
          return;
        }
        const from = session.envelope.mailFrom === false ? '' : session.envelope.mailFrom.address;
        store
          .add({
            from,
            to: session.envelope.rcptTo.map((r) => r.address),
            raw: Buffer.concat(chunks),
          })
          .then(
            (stored) => callback(null, `queued as ${stored.id}`),
            (error: unknown) => callback(error instanceof Error ? error : new Error(String(error))),
          );
      });
    },
  });
  // Connection-level errors (client hung up) are not fatal for a test mailbox.
  smtp.on('error', () => undefined);

  const api: HttpServer = createServer(createApiHandler(store));

  await listen(smtp, options.smtpPort, host);
  try {
    await listen(api, options.apiPort, host);
  } catch (error) {
    await new Promise<void>((resolve) => smtp.close(() => resolve()));
    throw error;
  }
  const smtpAddress = smtp.server.address() as AddressInfo;
  const apiAddress = api.address() as AddressInfo;

  return {
    smtpPort: smtpAddress.port,
    apiPort: apiAddress.port,
    store,
    close: async () => {
      await Promise.all([
        new Promise<void>((resolve) => smtp.close(() => resolve())),
        new Promise<void>((resolve) => {
          api.closeAllConnections();
          api.close(() => resolve());
        }),
      ]);
    },
  };
}
