import { Inject, Injectable, type OnApplicationShutdown } from '@nestjs/common';
import { createTransport, type Transporter } from 'nodemailer';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import type { MessageAttachment } from '../delivery/planned-message';

export interface OutgoingEmail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  /** RFC 5322 Message-ID derived from the delivery id, so a receiver can spot a repeat. */
  messageId: string;
  /** RFC 8058 one-click unsubscribe target, if the message has one. */
  unsubscribeUrl?: string;
  attachments?: MessageAttachment[];
}

/** Builds nodemailer's message: HTML and plain text, attachments, List-Unsubscribe headers. */
export const toMailOptions = (from: string, email: OutgoingEmail) => ({
  from,
  to: email.to,
  subject: email.subject,
  text: email.text,
  ...(email.html !== undefined && { html: email.html }),
  messageId: email.messageId,
  ...(email.unsubscribeUrl !== undefined && {
    list: { unsubscribe: { url: email.unsubscribeUrl, comment: 'Unsubscribe' } },
    headers: { 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  }),
  attachments: (email.attachments ?? []).map((a) => ({
    filename: a.filename,
    contentType: a.contentType,
    content: a.content,
    encoding: 'base64',
  })),
});

/** Email over SMTP through a pooled nodemailer transport. */
@Injectable()
export class EmailChannel implements OnApplicationShutdown {
  private readonly transport: Transporter;

  constructor(@Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig) {
    this.transport = createTransport(config.SMTP_URL, {
      pool: true,
      maxConnections: config.SMTP_POOL_SIZE,
      maxMessages: Infinity,
      connectionTimeout: 10_000,
      greetingTimeout: 10_000,
      socketTimeout: 30_000,
    } as never);
  }

  async send(email: OutgoingEmail): Promise<void> {
    await this.transport.sendMail(toMailOptions(this.config.MAIL_FROM, email));
  }

  onApplicationShutdown(): void {
    this.transport.close();
  }
}

/** An SMTP answer in the 5xx range is permanent: retrying the same message cannot help. */
export const isPermanentSmtpError = (error: unknown): boolean => {
  const code = (error as { responseCode?: unknown })?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600;
};
