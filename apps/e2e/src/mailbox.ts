// What the tools/infra SMTP server received since a suite began, read over its HTTP API.
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { requireEnv, waitFor } from '@medmentor/testing';

export interface StoredMessage {
  id: string;
  to: string[];
  subject: string;
}

/** An iCalendar attachment as a calendar client reads it. */
export interface Invitation {
  method: string | undefined;
  uid: string;
  sequence: number;
  start: string;
  end: string;
  status: string | undefined;
  attendees: string[];
}

const get = async (path: string): Promise<Response> => {
  const response = await fetch(`${requireEnv('SMTP_API_URL')}${path}`, {
    signal: AbortSignal.timeout(10_000),
  });
  if (!response.ok) throw new Error(`mailbox answered ${response.status} to ${path}`);
  return response;
};

/**
 * The mails that arrived after the mailbox was opened: earlier runs' mail is never read
 * (`GET /messages?after=<id>`), so a long-lived mailbox stays cheap to poll.
 */
export class Mailbox {
  private constructor(private readonly after: string | undefined) {}

  static async open(): Promise<Mailbox> {
    const all = (await (await get('/messages')).json()) as StoredMessage[];
    return new Mailbox(all.at(-1)?.id);
  }

  async list(to: string): Promise<StoredMessage[]> {
    const query = new URLSearchParams({
      to,
      ...(this.after !== undefined && { after: this.after }),
    });
    return (await (await get(`/messages?${query.toString()}`)).json()) as StoredMessage[];
  }

  async parsed(id: string): Promise<ParsedMail> {
    return simpleParser(Buffer.from(await (await get(`/messages/${id}/raw`)).arrayBuffer()));
  }

  /** Waits until `count` mails to `to` have a subject `subject` matches; returns them parsed. */
  async waitFor(to: string, subject: RegExp, count = 1, timeoutMs = 60_000): Promise<ParsedMail[]> {
    const stored = await waitFor(
      async () => {
        const found = (await this.list(to)).filter((m) => subject.test(m.subject));
        return found.length >= count ? found : undefined;
      },
      { timeoutMs, intervalMs: 250, description: `${count} mail(s) to ${to} matching ${subject}` },
    );
    return Promise.all(stored.map((m) => this.parsed(m.id)));
  }
}

/** The `.ics` attachments of a mail, parsed with ical.js. */
export const invitationsOf = (mail: ParsedMail): Invitation[] =>
  mail.attachments
    .filter((a) => a.contentType.startsWith('text/calendar') || a.filename?.endsWith('.ics'))
    .map((attachment) => {
      const calendar = new ICAL.Component(
        ICAL.parse(attachment.content.toString('utf8')) as unknown[],
      );
      const vevent = calendar.getFirstSubcomponent('vevent');
      if (vevent === null) throw new Error(`${attachment.filename ?? 'attachment'} has no VEVENT`);
      const event = new ICAL.Event(vevent);
      const iso = (time: ICAL.Time) => new Date(time.toUnixTime() * 1000).toISOString();
      return {
        method: calendar.getFirstPropertyValue('method')?.toString(),
        uid: event.uid,
        sequence: event.sequence,
        start: iso(event.startDate),
        end: iso(event.endDate),
        status: vevent.getFirstPropertyValue('status')?.toString(),
        attendees: event.attendees.map((a) => String(a.getFirstValue()).replace(/^mailto:/i, '')),
      };
    });
