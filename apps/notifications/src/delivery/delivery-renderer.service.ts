import { createHash } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { FORMER_PARTICIPANT } from '../directory/erased-name';
import { messageKind } from '../kinds/kind-registry';
import {
  meetingInvitation,
  senderParty,
  withheldAddress,
  type InvitationSpec,
} from '../kinds/meeting-invitation';
import type { Category, Channel } from '../policy/message-kind';
import { signUnsubscribeToken } from '../policy/unsubscribe-token';
import {
  TemplateEngine,
  type RenderedMessage,
  type TemplateSet,
} from '../templates/template-engine';
import { WebhookSecrets } from '../webhooks/webhook-secrets';
import { DeliveryLookupsLoader, type DeliveryLookups } from './delivery-lookups.service';
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
  | {
      channel: 'inbox';
      physicianId: string;
      message: RenderedMessage;
      /** The physicians the message names (ids), and the display names it shows of them. */
      mentions: string[];
      named: Record<string, string>;
    }
  | {
      channel: 'webhook';
      url: string;
      secret: string;
      message: RenderedMessage;
      data: Record<string, unknown>;
    }
  | { skip: 'recipient-erased' | 'recipient-removed' };

/**
 * Resolves a delivery's recipient and renders its template (the tenant's own, or the
 * default), from lookups read once for the dispatcher's batch.
 */
@Injectable()
export class DeliveryRenderer {
  constructor(
    private readonly lookups: DeliveryLookupsLoader,
    private readonly secrets: WebhookSecrets,
    private readonly engine: TemplateEngine,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  /** Reads what rendering `deliveries` needs, once. */
  load(deliveries: readonly Delivery[]): Promise<DeliveryLookups> {
    return this.lookups.load(deliveries);
  }

  private templateFor(
    lookups: DeliveryLookups,
    tenantId: string,
    kind: string,
    channel: Channel,
  ): TemplateSet {
    const override = lookups.override(tenantId, kind, channel);
    if (!override) return messageKind(kind).templates[channel];
    return {
      subject: override.subject,
      text: override.text,
      ...(override.html !== undefined && { html: override.html }),
    };
  }

  /**
   * The email subjects queued items would have had, for their lines in a digest, and the
   * physicians they name (ids, and the display names shown).
   */
  async subjectsOf(
    items: readonly Delivery[],
    recipientName: string | undefined,
  ): Promise<{ subjects: string[]; mentions: string[]; named: Record<string, string> }> {
    const lookups = await this.lookups.load(items);
    const mentions = new Set<string>();
    const named: Record<string, string> = {};
    const subjects = items.map((item) => {
      const context = this.context(item, lookups);
      context['recipient'] = { name: recipientName };
      const template = this.templateFor(lookups, item.tenantId, item.kind, 'email');
      const payload = JSON.parse(item.data ?? '{"data":{}}') as StoredPayload;
      const of = this.mentionsOf(payload, item.tenantId, lookups);
      for (const id of of.mentions) mentions.add(id);
      Object.assign(named, of.named);
      return this.engine.render({ subject: template.subject, text: '' }, context).subject;
    });
    return { subjects, mentions: [...mentions], named };
  }

  /** The physicians a message's templates name, and the names they are shown by. */
  private mentionsOf(
    payload: StoredPayload,
    tenantId: string,
    lookups: DeliveryLookups,
  ): { mentions: string[]; named: Record<string, string> } {
    const mentions = [...new Set(Object.values(payload.names ?? {}))];
    const named: Record<string, string> = {};
    for (const id of mentions) {
      const name = lookups.contact(tenantId, id)?.displayName;
      if (name !== undefined) named[id] = name;
    }
    return { mentions, named };
  }

  private context(delivery: Delivery, lookups: DeliveryLookups): Record<string, unknown> {
    const payload = JSON.parse(delivery.data ?? '{"data":{}}') as StoredPayload;
    const tenant = lookups.tenant(delivery.tenantId);
    const program = lookups.program(delivery.tenantId, delivery.programId);
    const context: Record<string, unknown> = {
      ...payload.data,
      tenant: { name: tenant?.name ?? 'MedMentor' },
      program: { name: program?.name ?? 'your program' },
      timeZone: tenant?.timeZone ?? 'UTC',
    };
    // An erased or unknown physician is "a former participant".
    for (const [variable, physicianId] of Object.entries(payload.names ?? {})) {
      context[variable] = {
        name: lookups.contact(delivery.tenantId, physicianId)?.displayName ?? FORMER_PARTICIPANT,
      };
    }
    return context;
  }

  /** `lookups` from `load` with this delivery among those loaded (read here if not given). */
  async address(delivery: Delivery, given?: DeliveryLookups): Promise<Addressed> {
    const lookups = given ?? (await this.lookups.load([delivery]));
    const payload = JSON.parse(delivery.data ?? '{"data":{}}') as StoredPayload;
    const context = this.context(delivery, lookups);
    const tenantName = (context['tenant'] as { name: string }).name;
    const tenantTimeZone = context['timeZone'] as string;
    const channel = delivery.channel as Channel;
    const render = () =>
      this.engine.render(
        this.templateFor(lookups, delivery.tenantId, delivery.kind, channel),
        context,
      );

    if (delivery.webhookId !== undefined) {
      const hook = lookups.webhook(delivery.tenantId, delivery.webhookId);
      if (!hook) return { skip: 'recipient-removed' };
      context['recipient'] = { name: tenantName };
      return {
        channel: 'webhook',
        url: hook.url,
        secret: this.secrets.open(hook),
        message: render(),
        data: payload.data,
      };
    }
    if (delivery.adminContactId !== undefined) {
      const admin = lookups.admin(delivery.tenantId, delivery.adminContactId);
      if (!admin) return { skip: 'recipient-removed' };
      context['recipient'] = { name: admin.name };
      return {
        channel: 'email',
        to: admin.email,
        message: render(),
        attachments: payload.attachments ?? [],
        messageId: this.messageId(delivery._id),
      };
    }
    const physicianId = delivery.physicianId ?? '';
    const contact = lookups.contact(delivery.tenantId, physicianId);
    if (contact?.erased) return { skip: 'recipient-erased' };
    if (!contact?.email) throw new RecipientUnknownError(`physician ${physicianId}`);
    context['recipient'] = { name: contact.displayName };
    context['timeZone'] = contact.timeZone ?? tenantTimeZone;
    if (channel === 'inbox')
      return {
        channel: 'inbox',
        physicianId,
        message: render(),
        ...this.mentionsOf(payload, delivery.tenantId, lookups),
      };
    const unsubscribeUrl = this.unsubscribeUrl(
      delivery.tenantId,
      physicianId,
      delivery.category as Category,
    );
    context['links'] = { unsubscribe: unsubscribeUrl };
    const invitation =
      payload.invitation === undefined
        ? []
        : [
            this.invitation(
              payload.invitation,
              delivery.tenantId,
              physicianId,
              tenantName,
              lookups,
            ),
          ];
    return {
      channel: 'email',
      to: contact.email,
      unsubscribeUrl,
      message: render(),
      attachments: [...(payload.attachments ?? []), ...invitation],
      messageId: this.messageId(delivery._id),
    };
  }

  /**
   * The recipient's invitation: organised by the sender address in the organization's name,
   * the recipient under their own address, every other participant by name, under their email
   * if they let their matches see it (profiles says so in their snapshot) and otherwise under a
   * withheld address, an erased one as a former participant.
   */
  private invitation(
    spec: InvitationSpec,
    tenantId: string,
    recipientId: string,
    tenantName: string,
    lookups: DeliveryLookups,
  ): MessageAttachment {
    const attendees = spec.participants.map((physicianId) => {
      const contact = lookups.contact(tenantId, physicianId);
      const name = contact?.displayName ?? FORMER_PARTICIPANT;
      const email = contact?.email;
      const shown = physicianId === recipientId || contact?.emailVisibleToMatches === true;
      return email !== undefined && shown
        ? { name, email }
        : { name, email: withheldAddress(tenantId, physicianId) };
    });
    return meetingInvitation(spec, senderParty(this.config.MAIL_FROM, tenantName), attendees);
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
