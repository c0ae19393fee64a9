import Handlebars from 'handlebars';
import { DateTime } from 'luxon';

/** One message kind's templates for one channel. `html` only for email. */
export interface TemplateSet {
  subject: string;
  text: string;
  html?: string;
}

export interface RenderedMessage {
  subject: string;
  text: string;
  html?: string;
}

export interface TemplateProblem {
  field: keyof TemplateSet;
  message: string;
}

// Line breaks and other control characters would end the Subject header early.
// eslint-disable-next-line no-control-regex
const CONTROL_CHARACTERS = /[\u0000-\u001f\u007f]+/g;

/**
 * Handlebars in its own environment. HTML templates escape every `{{value}}` (names typed by
 * users cannot become markup); subjects and plain text are not HTML, so they are not escaped,
 * and subjects lose line breaks and control characters (no header injection). Only the
 * built-in helpers and `date` may be used, and prototype properties are never reachable
 * (Handlebars' default since 4.6), so a tenant's template cannot run arbitrary code.
 */
export class TemplateEngine {
  private readonly hbs = Handlebars.create();
  private readonly cache = new Map<string, Handlebars.TemplateDelegate>();

  constructor() {
    this.hbs.registerHelper('date', (value: unknown, zone: unknown) => {
      if (typeof value !== 'string') return '';
      const time = DateTime.fromISO(value, { zone: typeof zone === 'string' ? zone : 'UTC' });
      return time.isValid ? time.toFormat("ccc d LLL yyyy, HH:mm '('ZZZZ')'") : value;
    });
  }

  render(set: TemplateSet, context: Record<string, unknown>): RenderedMessage {
    const subject = this.compile(
      set.subject,
      false,
    )(context)
      .replace(CONTROL_CHARACTERS, ' ')
      .trim();
    const text = this.compile(set.text, false)(context);
    return set.html === undefined
      ? { subject, text }
      : { subject, text, html: this.compile(set.html, true)(context) };
  }

  /** Compiles and renders with `sample` to find mistakes before a template is stored. */
  validate(set: TemplateSet, sample: Record<string, unknown>): TemplateProblem[] {
    const problems: TemplateProblem[] = [];
    for (const field of ['subject', 'text', 'html'] as const) {
      const source = set[field];
      if (source === undefined) continue;
      try {
        this.compile(source, field === 'html')(sample);
      } catch (error) {
        problems.push({
          field,
          message: (error as Error).message.split('\n')[0] ?? 'invalid template',
        });
      }
    }
    return problems;
  }

  private compile(source: string, html: boolean): Handlebars.TemplateDelegate {
    const key = `${html ? 'h' : 't'}:${source}`;
    let template = this.cache.get(key);
    if (!template) {
      template = this.hbs.compile(source, {
        noEscape: !html,
        strict: false,
        knownHelpers: { date: true },
        knownHelpersOnly: true,
      });
      if (this.cache.size > 500) this.cache.clear();
      this.cache.set(key, template);
    }
    return template;
  }
}
