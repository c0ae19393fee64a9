import { connect, type Socket } from 'node:net';

export interface SmtpReply {
  code: number;
  text: string;
}

/** Reads SMTP replies (multi-line "250-..." continued until "250 ...") off a socket. */
class ReplyReader {
  private buffer = '';
  private lines: string[] = [];
  private waiting: Array<{ resolve: (r: SmtpReply) => void; reject: (e: Error) => void }> = [];
  private failure: Error | null = null;

  constructor(socket: Socket) {
    socket.setEncoding('utf8');
    socket.on('data', (chunk: string) => {
      this.buffer += chunk;
      let at: number;
      while ((at = this.buffer.indexOf('\n')) >= 0) {
        this.lines.push(this.buffer.slice(0, at).replace(/\r$/, ''));
        this.buffer = this.buffer.slice(at + 1);
      }
      this.drain();
    });
    const fail = (error: Error): void => {
      this.failure = error;
      for (const w of this.waiting.splice(0)) w.reject(error);
    };
    socket.on('error', fail);
    socket.on('close', () => fail(new Error('connection closed')));
  }

  private drain(): void {
    while (this.waiting.length > 0) {
      const end = this.lines.findIndex((l) => /^\d{3}(?: |$)/.test(l));
      if (end < 0) return;
      const reply = this.lines.splice(0, end + 1);
      const last = reply[reply.length - 1];
      this.waiting.shift()?.resolve({
        code: Number(last.slice(0, 3)),
        text: reply.map((l) => l.slice(4)).join('\n'),
      });
    }
  }

  next(): Promise<SmtpReply> {
    return new Promise((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      this.drain();
      if (this.failure && this.waiting.length > 0) {
        this.waiting.splice(0).forEach((w) => w.reject(this.failure as Error));
      }
    });
  }
}

function open(host: string, port: number, timeoutMs: number): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = connect({ host, port });
    socket.setTimeout(timeoutMs, () =>
      socket.destroy(new Error(`no answer from ${host}:${port} within ${timeoutMs} ms`)),
    );
    socket.once('connect', () => resolve(socket));
    socket.once('error', reject);
  });
}

async function expect(reader: ReplyReader, wanted: number, after: string): Promise<SmtpReply> {
  const reply = await reader.next();
  if (reply.code !== wanted)
    throw new Error(`${after}: expected ${wanted}, got ${reply.code} ${reply.text}`);
  return reply;
}

/** Connects, checks the 220 greeting, says QUIT. */
export async function probeSmtpGreeting(
  host: string,
  port: number,
  timeoutMs = 2_000,
): Promise<string> {
  const socket = await open(host, port, timeoutMs);
  try {
    const reader = new ReplyReader(socket);
    const greeting = await expect(reader, 220, 'greeting');
    socket.write('QUIT\r\n');
    return greeting.text;
  } finally {
    socket.end();
    socket.destroy();
  }
}

export interface SendMailOptions {
  host: string;
  port: number;
  from: string;
  to: string[];
  /** Complete RFC 822 message; built from subject/text when absent. */
  raw?: string;
  subject?: string;
  text?: string;
  timeoutMs?: number;
}

/** RFC 2047 B-encoding for header values that are not plain ASCII. */
export function encodeHeaderValue(value: string): string {
  return /^[\x20-\x7e]*$/.test(value)
    ? value
    : `=?utf-8?B?${Buffer.from(value, 'utf8').toString('base64')}?=`;
}

export function composeMessage(options: {
  from: string;
  to: string[];
  subject: string;
  text: string;
}): string {
  return [
    `From: ${options.from}`,
    `To: ${options.to.join(', ')}`,
    `Subject: ${encodeHeaderValue(options.subject)}`,
    `Date: ${new Date().toUTCString()}`,
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    options.text,
  ].join('\r\n');
}

/** A minimal SMTP client (no TLS, no auth) for tests and `infra smtp send`. Returns the final reply text. */
export async function sendMail(options: SendMailOptions): Promise<string> {
  const raw =
    options.raw ??
    composeMessage({
      from: options.from,
      to: options.to,
      subject: options.subject ?? '(no subject)',
      text: options.text ?? '',
    });
  const socket = await open(options.host, options.port, options.timeoutMs ?? 10_000);
  try {
    const reader = new ReplyReader(socket);
    await expect(reader, 220, 'greeting');
    socket.write('EHLO medmentor-infra\r\n');
    await expect(reader, 250, 'EHLO');
    socket.write(`MAIL FROM:<${options.from}>\r\n`);
    await expect(reader, 250, 'MAIL FROM');
    for (const rcpt of options.to) {
      socket.write(`RCPT TO:<${rcpt}>\r\n`);
      await expect(reader, 250, `RCPT TO ${rcpt}`);
    }
    socket.write('DATA\r\n');
    await expect(reader, 354, 'DATA');
    const body = raw
      .replace(/\r?\n/g, '\r\n')
      .split('\r\n')
      .map((line) => (line.startsWith('.') ? `.${line}` : line))
      .join('\r\n');
    socket.write(`${body}\r\n.\r\n`);
    const accepted = await expect(reader, 250, 'end of DATA');
    socket.write('QUIT\r\n');
    return accepted.text;
  } finally {
    socket.end();
    socket.destroy();
  }
}
