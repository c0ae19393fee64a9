import type { Category, Channel, Priority } from '../policy/message-kind';
import { wrapEmailHtml, wrapEmailText } from '../templates/email-layout';
import type { TemplateSet } from '../templates/template-engine';

/**
 * A kind of message: its category (what physicians opt out of), its priority, and its
 * default template per channel. Templates see `recipient.name`, `tenant.name`,
 * `program.name`, `timeZone`, `links.unsubscribe` and the kind's own data.
 */
export interface MessageKindDefinition {
  kind: string;
  category: Category;
  priority: Priority;
  description: string;
  templates: Record<Channel, TemplateSet>;
  /** Example data for previews and template validation. */
  sample: Record<string, unknown>;
}

interface KindTexts {
  subject: string;
  /** Plain text of the message; the HTML version is derived from `html`. */
  text: string;
  html: string;
}

/** Builds the three channel templates from one subject and body. */
export const defineKind = (
  base: Omit<MessageKindDefinition, 'templates'>,
  texts: KindTexts,
): MessageKindDefinition => ({
  ...base,
  templates: {
    email: {
      subject: texts.subject,
      text: wrapEmailText(texts.text),
      html: wrapEmailHtml(texts.html),
    },
    inbox: { subject: texts.subject, text: texts.text },
    webhook: { subject: texts.subject, text: texts.text },
  },
});

export const SAMPLE_CONTEXT = {
  recipient: { name: 'Dr. Ana García' },
  tenant: { name: 'Lakeside Health' },
  program: { name: 'Early-career mentoring 2027' },
  timeZone: 'America/Chicago',
  links: { unsubscribe: 'https://medmentor.example/unsubscribe?token=sample' },
};
