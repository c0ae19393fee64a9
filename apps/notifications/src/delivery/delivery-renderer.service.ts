import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { DirectoryRepository } from '../directory/directory.repository';
import { DirectoryService } from '../directory/directory.service';
import { messageKind } from '../kinds/kind-registry';
import type { Category, Channel } from '../policy/message-kind';
import { signUnsubscribeToken } from '../policy/unsubscribe-token';
import {
  TemplateEngine,
  type RenderedMessage,
  type TemplateSet,
} from '../templates/template-engine';
import { TemplateOverrideRepository } from '../templates/template-override.repository';
import { WebhookSecrets } from '../webhooks/webhook-secrets';
import { WebhookRepository } from '../webhooks/webhook.repository';
import type { MessageAttachment, StoredPayload } from './planned-message';
import type { Delivery } from './schemas/delivery.schema';

/** Raised while a recipient's contact details have not arrived yet: retried with backoff. */
export class RecipientUnknownError extends Error {
  constructor(what: string) {
    super(`no contact details yet for ${what}`);
    this.name = 'RecipientUnknownError';
  }
}

export type Addressed =
  | {
      channel: 'email';
      to: string;
      unsubscribeUrl?: string;
      message: RenderedMessage;
      attachments: MessageAttachment[];
      messageId: string;
    }
  | { channel: 'inbox'; physicianId: string; message: RenderedMessage }
  | {
      channel: 'webhook';
      url: string;
      secret: string;
      message: RenderedMessage;
      data: Record<string, unknown>;
    }
  | { skip: 'recipient-erased' | 'recipient-removed' };

/** Resolves a delivery's recipient and renders its template (the tenant's own, or the default). */
@Injectable()
export class DeliveryRenderer {
  constructor(
    private readonly directory: DirectoryService,
    private readonly directoryRepository: DirectoryRepository,
    private readonly overrides: TemplateOverrideRepository,
    private readonly webhooks: WebhookRepository,
    private readonly secrets: WebhookSecrets,
    private readonly engine: TemplateEngine,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  async templateFor(tenantId: string, kind: string, channel: Channel): Promise<TemplateSet> {
    const override = await this.overrides.find({ tenantId, kind, channel });
    if (!override) return messageKind(kind).templates[channel];
    return {
      subject: override.subject,
      text: override.text,
      ...(override.html !== undefined && { html: override.html }),
    };
  }

  /** The email subject a queued item would have had, for its line in a digest. */
  async subjectOf(delivery: Delivery, recipientName: string | undefined): Promise<string> {
    const context = await this.context(delivery);
    context['recipient'] = { name: recipientName };
    const template = await this.templateFor(delivery.tenantId, delivery.kind, 'email');
    return this.engine.render({ subject: template.subject, text: '' }, context).subject;
  }

  private async context(delivery: Delivery): Promise<Record<string, unknown>> {
    const payload = JSON.parse(delivery.data ?? '{"data":{}}') as StoredPayload;
    const names = await this.directory.names(delivery.tenantId, delivery.programId);
    const others = await this.directory.displayNames(
      delivery.tenantId,
      Object.values(payload.names ?? {}),
    );
    const context: Record<string, unknown> = {
      ...payload.data,
      tenant: { name: names.tenantName },
      program: { name: names.programName ?? 'your program' },
      timeZone: names.tenantTimeZone,
    };
    for (const [variable, physicianId] of Object.entries(payload.names ?? {})) {
      context[variable] = { name: others.get(physicianId) };
    }
    return context;
  }

  async address(delivery: Delivery): Promise<Addressed> {
    const payload = JSON.parse(delivery.data ?? '{"data":{}}') as StoredPayload;
    const context = await this.context(delivery);
    const names = {
      tenantName: (context['tenant'] as { name: string }).name,
      tenantTimeZone: context['timeZone'] as string,
    };
    const channel = delivery.channel as Channel;
    const render = async () =>
      this.engine.render(
        await this.templateFor(delivery.tenantId, delivery.kind, channel),
        context,
      );

    if (delivery.webhookId !== undefined) {
      const hook = await this.webhooks.findOne({
        _id: delivery.webhookId,
        tenantId: delivery.tenantId,
      });
      if (!hook) return { skip: 'recipient-removed' };
      context['recipient'] = { name: names.tenantName };
      return {
        channel: 'webhook',
        url: hook.url,
        secret: this.secrets.open(hook),
        message: await render(),
        data: payload.data,
      };
    }
    if (delivery.adminContactId !== undefined) {
      const admin = await this.directoryRepository.findAdmin({
        _id: delivery.adminContactId,
        tenantId: delivery.tenantId,
      });
      if (!admin) return { skip: 'recipient-removed' };
      context['recipient'] = { name: admin.name };
      return {
        channel: 'email',
        to: admin.email,
        message: await render(),
        attachments: payload.attachments ?? [],
        messageId: this.messageId(delivery._id),
      };
    }
    const physicianId = delivery.physicianId ?? '';
    const contact = await this.directory.contact(delivery.tenantId, physicianId);
    if (contact?.erased) return { skip: 'recipient-erased' };
    if (!contact?.email) throw new RecipientUnknownError(`physician ${physicianId}`);
    context['recipient'] = { name: contact.displayName };
    context['timeZone'] = contact.timeZone ?? names.tenantTimeZone;
    if (channel === 'inbox') return { channel: 'inbox', physicianId, message: await render() };
    const unsubscribeUrl = this.unsubscribeUrl(
      delivery.tenantId,
      physicianId,
      delivery.category as Category,
    );
    context['links'] = { unsubscribe: unsubscribeUrl };
    return {
      channel: 'email',
      to: contact.email,
      unsubscribeUrl,
      message: await render(),
      attachments: payload.attachments ?? [],
      messageId: this.messageId(delivery._id),
    };
  }

  private unsubscribeUrl(tenantId: string, physicianId: string, category: Category): string {
    const token = signUnsubscribeToken(this.config.unsubscribeSecret, {
      tenantId,
      physicianId,
      category,
    });
    return `${this.config.PUBLIC_BASE_URL.replace(/\/$/, '')}/api/v1/unsubscribe?token=${token}`;
  }

  private messageId(deliveryId: string): string {
    return `<${createHash('sha256').update(deliveryId).digest('hex').slice(0, 32)}@medmentor.notifications>`;
  }
}
