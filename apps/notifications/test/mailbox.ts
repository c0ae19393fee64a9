// Reads what the tools/infra SMTP server received, and parses it like a mail client would.
import ICAL from 'ical.js';
import { simpleParser, type ParsedMail } from 'mailparser';
import { requireEnv, waitFor } from '@medmentor/testing';

interface StoredMessage {
  id: string;
  to: string[];
  subject: string;
}

const api = (): string => requireEnv('SMTP_API_URL');

export const listMail = async (to: string): Promise<StoredMessage[]> => {
  const response = await fetch(`${api()}/messages?to=${encodeURIComponent(to)}`);
  if (!response.ok) throw new Error(`mailbox answered ${response.status}`);
  return (await response.json()) as StoredMessage[];
};

export const parsedMail = async (id: string): Promise<ParsedMail> => {
  const response = await fetch(`${api()}/messages/${id}/raw`);
  return simpleParser(Buffer.from(await response.arrayBuffer()));
};

/** Waits until `count` mails reached `to`, then returns them parsed, in arrival order. */
export const waitForMail = async (
  to: string,
  count = 1,
  timeoutMs = 90_000,
): Promise<ParsedMail[]> => {
  const stored = await waitFor(
    async () => ((await listMail(to)).length >= count ? listMail(to) : undefined),
    {
      timeoutMs,
      description: `${count} mail(s) to ${to}`,
    },
  );
  return Promise.all(stored.map((m) => parsedMail(m.id)));
};

/** The calendar parties of a mail's `.ics` attachment, read with ical.js: `[address, CN]`. */
export const calendarPartiesOf = (
  mail: ParsedMail | undefined,
): { method?: string; organizer?: string[]; attendees: string[][] } => {
  const ics = mail?.attachments.find((a) => a.filename === 'invite.ics');
  if (ics === undefined) throw new Error('no invite.ics attached');
  const calendar = new ICAL.Component(ICAL.parse(ics.content.toString('utf8')) as unknown[]);
  const vevent = calendar.getFirstSubcomponent('vevent');
  if (vevent === null) throw new Error('invite.ics has no VEVENT');
  const party = (property: ICAL.Property) => [
    String(property.getFirstValue()).replace(/^mailto:/i, ''),
    String(property.getParameter('cn')),
  ];
  const organizer = vevent.getFirstProperty('organizer');
  return {
    method: calendar.getFirstPropertyValue('method')?.toString(),
    ...(organizer !== null && { organizer: party(organizer) }),
    attendees: vevent.getAllProperties('attendee').map(party),
  };
};
