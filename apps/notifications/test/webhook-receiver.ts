// A local HTTP endpoint that records webhook calls and answers with scripted statuses.
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ReceivedCall {
  headers: Record<string, string | string[] | undefined>;
  body: string;
  receivedAtSeconds: number;
}

export class WebhookReceiver {
  readonly calls: ReceivedCall[] = [];
  private readonly server: Server;

  private constructor(
    private readonly statuses: number[],
    private readonly fallback: number,
  ) {
    this.server = createServer((req, res) => {
      const chunks: Buffer[] = [];
      req.on('data', (chunk: Buffer) => chunks.push(chunk));
      req.on('end', () => {
        this.calls.push({
          headers: req.headers,
          body: Buffer.concat(chunks).toString('utf8'),
          receivedAtSeconds: Math.floor(Date.now() / 1000),
        });
        res.writeHead(this.statuses.shift() ?? this.fallback).end();
      });
    });
  }

  /** Answers `statuses` in turn, then `fallback` for every later call. */
  static async start(statuses: number[], fallback = 200): Promise<WebhookReceiver> {
    const receiver = new WebhookReceiver([...statuses], fallback);
    await new Promise<void>((resolve) => receiver.server.listen(0, '127.0.0.1', resolve));
    return receiver;
  }

  get url(): string {
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/hook`;
  }

  async stop(): Promise<void> {
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
