import { Injectable } from '@nestjs/common';
import { AuditLog } from '@medmentor/audit';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { NOTIFICATION_CHANNELS, type NotificationChannel } from '@medmentor/contracts';
import { DomainError } from '@medmentor/platform';
import { Clock } from '../config/clock';
import { MESSAGE_KINDS, messageKind } from '../kinds/kind-registry';
import { SAMPLE_CONTEXT } from '../kinds/message-kind.definition';
import { TemplateEngine, type TemplateSet } from './template-engine';
import { TemplateOverrideRepository } from './template-override.repository';
import type { PreviewDto, TemplateSetDto, TemplateView } from './template.dto';

const invalid = (errors: { field: string; message: string }[]) =>
  new DomainError({
    code: 'template-invalid',
    status: 400,
    title: 'Invalid template',
    detail: 'The template does not compile or render.',
    errors,
  });

/** Default templates per kind and channel, a tenant's overrides, and previews. */
@Injectable()
export class TemplateService {
  constructor(
    private readonly overrides: TemplateOverrideRepository,
    private readonly engine: TemplateEngine,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  /** Kind, channel and field names: the template text stays out of the log. */
  private async record(
    principal: Principal,
    verb: 'changed' | 'reset',
    kind: string,
    channel: NotificationChannel,
    summary: Record<string, string | boolean | string[]>,
  ): Promise<void> {
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action: `template.${verb}`,
      resource: { type: 'template', id: `${kind}/${channel}` },
      summary: { kind, channel, ...summary },
    });
  }

  async list(principal: Principal): Promise<{ items: TemplateView[] }> {
    const own = await this.overrides.list(tenantFilter(principal));
    const items = MESSAGE_KINDS.flatMap((definition) =>
      NOTIFICATION_CHANNELS.map((channel): TemplateView => {
        const override = own.find((o) => o.kind === definition.kind && o.channel === channel);
        const set: TemplateSet = override ?? definition.templates[channel];
        return {
          kind: definition.kind,
          channel,
          overridden: override !== undefined,
          subject: set.subject,
          text: set.text,
          html: set.html ?? null,
        };
      }),
    );
    return { items };
  }

  async put(
    principal: Principal,
    kind: string,
    channel: NotificationChannel,
    input: TemplateSetDto,
  ): Promise<TemplateView> {
    if (input.html !== undefined && channel !== 'email')
      throw invalid([{ field: 'html', message: 'only email templates have HTML' }]);
    const problems = this.engine.validate(input, this.sample(kind, {}));
    if (problems.length > 0) throw invalid(problems);
    await this.overrides.save({
      tenantId: principal.tenantId,
      kind,
      channel,
      ...input,
      updatedAt: this.clock.now(),
    });
    await this.record(principal, 'changed', kind, channel, {
      fields: (['subject', 'text', 'html'] as const).filter((f) => input[f] !== undefined),
    });
    return {
      kind,
      channel,
      overridden: true,
      subject: input.subject,
      text: input.text,
      html: input.html ?? null,
    };
  }

  async reset(principal: Principal, kind: string, channel: NotificationChannel): Promise<void> {
    const removed = await this.overrides.delete(tenantFilter(principal, { kind, channel }));
    await this.record(principal, 'reset', kind, channel, { removed });
  }

  async preview(
    principal: Principal,
    kind: string,
    channel: NotificationChannel,
    input: PreviewDto,
  ) {
    const stored = await this.overrides.find(tenantFilter(principal, { kind, channel }));
    const set: TemplateSet = input.template ?? stored ?? messageKind(kind).templates[channel];
    const sample = this.sample(kind, input.data ?? {});
    const problems = this.engine.validate(set, sample);
    if (problems.length > 0)
      throw invalid(problems.map((p) => ({ ...p, field: `template.${p.field}` })));
    const rendered = this.engine.render(set, sample);
    return {
      subject: rendered.subject,
      text: rendered.text,
      html: channel === 'email' ? (rendered.html ?? null) : null,
    };
  }

  private sample(kind: string, data: Record<string, unknown>): Record<string, unknown> {
    return { ...SAMPLE_CONTEXT, ...messageKind(kind).sample, ...data };
  }
}
