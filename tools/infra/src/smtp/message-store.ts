import { randomBytes } from 'node:crypto';
import {
  appendFileSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { headerValue, parseHeaders } from './eml-headers';

export const storedMessageSchema = z.object({
  id: z.string(),
  /** Envelope sender (MAIL FROM), '' for a null sender. */
  from: z.string(),
  /** Envelope recipients (RCPT TO). */
  to: z.array(z.string()),
  subject: z.string(),
  /** When the message was received (ISO 8601). */
  date: z.string(),
  size: z.number().int(),
  /** The message's own headers, for convenience. */
  headerFrom: z.string().optional(),
  headerTo: z.string().optional(),
  messageId: z.string().optional(),
});
export type StoredMessage = z.infer<typeof storedMessageSchema>;

export interface IncomingMessage {
  from: string;
  to: string[];
  raw: Buffer;
  receivedAt?: Date;
}

export interface MessageFilter {
  /** Keep messages with this envelope recipient (case-insensitive). */
  to?: string;
  /** Only messages that arrived after the one with this id (for polling a growing mailbox). */
  after?: string;
}

const ID_PATTERN = /^[a-z0-9]+-[0-9a-f]{8}$/;

export function isMessageId(value: string): boolean {
  return ID_PATTERN.test(value);
}

/** Time-ordered ids: base36 milliseconds plus random bits. */
export function newMessageId(now: Date = new Date()): string {
  return `${now.getTime().toString(36).padStart(9, '0')}-${randomBytes(4).toString('hex')}`;
}

/**
 * Received mails as `<id>.eml` files plus `index.jsonl` (the list the HTTP API serves, one JSON
 * line per mail). Writes are serialised; a mail's line is appended after its file is written,
 * so the cost of a mail does not grow with the mails before it, and a torn last line (the
 * server killed mid-write) is skipped on load.
 */
export class MessageStore {
  private index: StoredMessage[] = [];
  /** Position of each message in `index`, so `after` does not scan the mailbox. */
  private positions = new Map<string, number>();
  private queue: Promise<unknown> = Promise.resolve();

  constructor(readonly dir: string) {
    mkdirSync(dir, { recursive: true });
    this.index = this.load();
    this.index.forEach((m, i) => this.positions.set(m.id, i));
  }

  private get indexFile(): string {
    return join(this.dir, 'index.jsonl');
  }

  private load(): StoredMessage[] {
    let text: string;
    try {
      text = readFileSync(this.indexFile, 'utf8');
    } catch {
      return [];
    }
    // A torn last line is ended, so the next mail's line starts on a line of its own.
    if (text !== '' && !text.endsWith('\n')) appendFileSync(this.indexFile, '\n');
    const messages: StoredMessage[] = [];
    for (const line of text.split('\n')) {
      if (line.trim() === '') continue;
      try {
        const parsed = storedMessageSchema.safeParse(JSON.parse(line));
        if (parsed.success) messages.push(parsed.data);
      } catch {
        // a torn line: skipped
      }
    }
    return messages;
  }

  private serial<T>(work: () => T): Promise<T> {
    const next = this.queue.then(work);
    this.queue = next.catch(() => undefined);
    return next;
  }

  add(message: IncomingMessage): Promise<StoredMessage> {
    return this.serial(() => {
      const receivedAt = message.receivedAt ?? new Date();
      const id = newMessageId(receivedAt);
      const headers = parseHeaders(message.raw.subarray(0, 64 * 1024).toString('utf8'));
      const stored: StoredMessage = {
        id,
        from: message.from,
        to: [...message.to],
        subject: headerValue(headers, 'subject') ?? '',
        date: receivedAt.toISOString(),
        size: message.raw.length,
      };
      const headerFrom = headerValue(headers, 'from');
      const headerTo = headerValue(headers, 'to');
      const messageId = headerValue(headers, 'message-id');
      if (headerFrom !== undefined) stored.headerFrom = headerFrom;
      if (headerTo !== undefined) stored.headerTo = headerTo;
      if (messageId !== undefined) stored.messageId = messageId;
      writeFileSync(join(this.dir, `${id}.eml`), message.raw);
      appendFileSync(this.indexFile, `${JSON.stringify(stored)}\n`);
      this.positions.set(id, this.index.push(stored) - 1);
      return stored;
    });
  }

  /** In arrival order. An unknown `after` id gives an empty list (the mailbox was cleared). */
  list(filter: MessageFilter = {}): StoredMessage[] {
    const to = filter.to?.toLowerCase();
    const from =
      filter.after === undefined ? 0 : (this.positions.get(filter.after) ?? Infinity) + 1;
    return this.index
      .slice(from)
      .filter((m) => to === undefined || m.to.some((r) => r.toLowerCase() === to));
  }

  get(id: string): StoredMessage | undefined {
    const at = this.positions.get(id);
    return at === undefined ? undefined : this.index[at];
  }

  raw(id: string): Buffer | null {
    if (!isMessageId(id) || !this.get(id)) return null;
    try {
      return readFileSync(join(this.dir, `${id}.eml`));
    } catch {
      return null;
    }
  }

  clear(): Promise<number> {
    return this.serial(() => {
      const count = this.index.length;
      for (const file of readdirSync(this.dir)) {
        if (file.endsWith('.eml')) rmSync(join(this.dir, file), { force: true });
      }
      this.index = [];
      this.positions.clear();
      writeFileSync(this.indexFile, '');
      return count;
    });
  }
}
