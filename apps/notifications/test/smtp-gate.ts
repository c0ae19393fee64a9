// A TCP relay in front of the tools/infra SMTP server that lets a set number of mails to one
// address through and holds the rest just before the end of their DATA (the "\r\n.\r\n" the
// server accepts a mail on), until told to let more through: mails "in flight" on demand, over
// real SMTP. Mails to other addresses (earlier suites' events, which a new consumer group
// reads again) pass.
import { connect, createServer, type Server, type Socket } from 'node:net';
import { requireEnv } from '@medmentor/testing';

const END_OF_DATA = Buffer.from('\r\n.\r\n');

/** One client connection: what the client sent that the server has not been given yet. */
class Relay {
  private backlog = Buffer.alloc(0);
  /** The last bytes given to the server, to find an end of data split across chunks. */
  private tail = Buffer.alloc(0);
  /** What the server was given since the last end of data: the current mail's commands. */
  private current = '';

  constructor(
    private readonly upstream: Socket,
    private readonly gate: SmtpGate,
  ) {}

  push(chunk: Buffer): void {
    this.backlog = Buffer.concat([this.backlog, chunk]);
    this.pump();
  }

  /** Gives the server everything up to the first end of data the gate does not let through. */
  pump(): void {
    for (;;) {
      const at = Buffer.concat([this.tail, this.backlog]).indexOf(END_OF_DATA);
      if (at < 0) {
        this.forward(this.backlog.length);
        return;
      }
      const end = at + END_OF_DATA.length - this.tail.length;
      const mail = this.current + this.backlog.subarray(0, end).toString('latin1');
      if (!this.gate.lets(mail)) {
        // All but the last byte of the mail goes; the rest waits.
        this.forward(end - 1);
        return;
      }
      this.forward(end);
      this.current = '';
      this.tail = Buffer.alloc(0);
    }
  }

  private forward(count: number): void {
    if (count <= 0) return;
    const out = this.backlog.subarray(0, count);
    this.backlog = this.backlog.subarray(count);
    this.tail = Buffer.concat([this.tail, out]).subarray(-(END_OF_DATA.length - 1));
    this.current += out.toString('latin1');
    this.upstream.write(out);
  }
}

export class SmtpGate {
  private readonly server: Server;
  private readonly relays = new Set<Relay>();
  private readonly sockets = new Set<Socket>();
  private allowance = 0;
  /** Mails to the recipient let through so far. */
  passed = 0;

  private constructor(private readonly recipient: string) {
    const target = new URL(requireEnv('SMTP_URL'));
    this.server = createServer((client) => {
      const upstream = connect(Number(target.port), target.hostname);
      const relay = new Relay(upstream, this);
      this.relays.add(relay);
      this.sockets.add(client).add(upstream);
      client.on('data', (chunk: Buffer) => relay.push(chunk));
      upstream.pipe(client);
      const close = () => {
        this.relays.delete(relay);
        this.sockets.delete(client);
        this.sockets.delete(upstream);
        client.destroy();
        upstream.destroy();
      };
      client.on('close', close).on('error', close);
      upstream.on('close', close).on('error', close);
    });
  }

  /** Listens on a free local port; lets no mail to `recipient` through until `allow`. */
  static async start(recipient: string): Promise<SmtpGate> {
    const gate = new SmtpGate(recipient.toLowerCase());
    await new Promise<void>((resolve) => gate.server.listen(0, '127.0.0.1', resolve));
    return gate;
  }

  get url(): string {
    const address = this.server.address();
    if (address === null || typeof address === 'string') throw new Error('gate not listening');
    return `smtp://127.0.0.1:${address.port}`;
  }

  /** Lets `count` more mails through (Infinity: all from now on). */
  allow(count: number): void {
    this.allowance += count;
    for (const relay of this.relays) relay.pump();
  }

  /** Used by the relays: whether a mail (its commands and data) may end. */
  lets(mail: string): boolean {
    if (!mail.toLowerCase().includes(`rcpt to:<${this.recipient}>`)) return true;
    if (this.allowance <= 0) return false;
    this.allowance -= 1;
    this.passed += 1;
    return true;
  }

  async close(): Promise<void> {
    this.allow(Infinity);
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }
}
