// The tools/infra SMTP server's mailbox API (SMTP_API_URL), as the benchmarks read it.

/** A mail as the mailbox API lists it. */
export interface MailEntry {
  id: string;
  to: string[];
  subject: string;
  date: string;
  messageId?: string;
}

export const mailbox = (): string => {
  const url = process.env['SMTP_API_URL'];
  if (!url) throw new Error('SMTP_API_URL is not set (run inside tools/infra with)');
  return url;
};

/** Follows the mailbox: each poll fetches only what arrived since the last. */
export class MailWatch {
  private last: string | undefined;
  readonly entries: MailEntry[] = [];

  async poll(): Promise<MailEntry[]> {
    const query = this.last === undefined ? '' : `?after=${encodeURIComponent(this.last)}`;
    const fresh = (await (await fetch(`${mailbox()}/messages${query}`)).json()) as MailEntry[];
    if (fresh.length > 0) this.last = fresh[fresh.length - 1].id;
    this.entries.push(...fresh);
    return fresh;
  }
}
