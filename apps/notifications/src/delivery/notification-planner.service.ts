import { Inject, Injectable } from '@nestjs/common';
import type { EventEnvelope } from '@medmentor/contracts';
import { DateTime } from 'luxon';
import { Clock } from '../config/clock';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { DirectoryRepository } from '../directory/directory.repository';
import { DirectoryService } from '../directory/directory.service';
import type { Contact } from '../directory/schemas/contact.schema';
import { messageKind } from '../kinds/kind-registry';
import type { MessageKindDefinition } from '../kinds/message-kind.definition';
import {
  decideDelivery,
  DEFAULT_PREFERENCES,
  type Decision,
  type RecipientPreferences,
} from '../policy/delivery-decision';
import { PERSONAL_CHANNELS } from '../policy/message-kind';
import { PreferenceService } from '../preferences/preference.service';
import type { Webhook } from '../webhooks/schemas/webhook.schema';
import { WebhookRepository } from '../webhooks/webhook.repository';
import { DeliveryRepository, type NewDelivery } from './delivery.repository';
import { DispatchSignal } from './dispatch-signal';
import { EmailCapRepository } from './email-cap.repository';
import { GroupCommitQueue as GroupCommit } from '@medmentor/messaging';
import { outcomeEvent } from './outcome-event';
import type { PlannedMessage, StoredPayload } from './planned-message';

type Base = Omit<NewDelivery, '_id' | 'channel' | 'status' | 'dueAt'>;

interface EventToPlan {
  event: EventEnvelope;
  messages: PlannedMessage[];
}

/** What planning a group of events reads, once per tenant in the group. */
interface TenantReads {
  contacts: Map<string, Contact>;
  preferences: Map<string, RecipientPreferences>;
  webhooks: Webhook[];
  timeZone: string | undefined;
}

/**
 * Turns an event's planned messages into deliveries, one per (event, recipient, channel),
 * each with the preference decision already taken (send now, at the end of quiet hours, in a
 * digest, or skipped). Inserting is idempotent on the delivery id, so a redelivered event
 * adds nothing.
 *
 * Events handed over while a group is being planned (the consumer's partitions run
 * concurrently) are planned together next: contacts, preferences and webhooks are read once
 * per tenant of the group and every delivery is inserted in one `insertMany`. An event whose
 * planning fails alone fails alone; a failed read or insert fails the group, and each event is
 * retried by the consumer (the ids make that harmless).
 */
@Injectable()
export class NotificationPlanner {
  private readonly group = new GroupCommit<EventToPlan>((items) => this.planGroup(items));

  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly directory: DirectoryRepository,
    private readonly names: DirectoryService,
    private readonly cap: EmailCapRepository,
    private readonly preferences: PreferenceService,
    private readonly webhooks: WebhookRepository,
    private readonly clock: Clock,
    private readonly signal: DispatchSignal,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  plan(event: EventEnvelope, messages: PlannedMessage[]): Promise<void> {
    return this.group.submit({ event, messages });
  }

  private async planGroup(items: EventToPlan[]): Promise<unknown[]> {
    const now = this.clock.now();
    const reads = await this.read(items);
    const planned: NewDelivery[] = [];
    const errors: unknown[] = [];
    for (const { event, messages } of items) {
      try {
        planned.push(...(await this.planEvent(event, messages, reads, now)));
        errors.push(undefined);
      } catch (error) {
        errors.push(error);
      }
    }
    await this.deliveries.insertNew(planned);
    this.signal.wake();
    return errors;
  }

  private async read(items: EventToPlan[]): Promise<Map<string, TenantReads>> {
    const physicians = new Map<string, Set<string>>();
    for (const { event, messages } of items) {
      const ids = physicians.get(event.tenantid) ?? new Set<string>();
      physicians.set(event.tenantid, ids);
      for (const message of messages)
        if ('physicianId' in message.recipient) ids.add(message.recipient.physicianId);
    }
    const reads = new Map<string, TenantReads>();
    for (const [tenantId, ids] of physicians) {
      const anyMessages = items.some((i) => i.event.tenantid === tenantId && i.messages.length > 0);
      const [contacts, preferences, webhooks] = await Promise.all([
        ids.size === 0 ? [] : this.directory.findContacts({ tenantId, ids: [...ids] }),
        ids.size === 0
          ? new Map<string, RecipientPreferences>()
          : this.preferences.forRecipients(tenantId, [...ids]),
        anyMessages ? this.webhooks.list({ tenantId }) : [],
      ]);
      const byId = new Map(contacts.map((contact) => [contact._id, contact]));
      // The tenant's zone is only needed for a recipient whose profile has none.
      const needsTenantZone = [...ids].some((id) => byId.get(id)?.timeZone === undefined);
      reads.set(tenantId, {
        contacts: byId,
        preferences,
        webhooks,
        timeZone: needsTenantZone
          ? (await this.names.names(tenantId, undefined)).tenantTimeZone
          : undefined,
      });
    }
    return reads;
  }

  private async planEvent(
    event: EventEnvelope,
    messages: PlannedMessage[],
    groupReads: Map<string, TenantReads>,
    now: Date,
  ): Promise<NewDelivery[]> {
    const reads = groupReads.get(event.tenantid);
    if (!reads) throw new Error(`no reads for tenant ${event.tenantid}`);
    const planned: NewDelivery[] = [];
    for (const message of messages) {
      const definition = messageKind(message.kind);
      const base = this.base(event, message, definition, now);
      if ('physicianId' in message.recipient) {
        planned.push(
          ...(await this.forPhysician(base, message.recipient.physicianId, definition, reads, now)),
        );
      } else {
        const admins = await this.directory.adminsOfProgram({
          tenantId: event.tenantid,
          ...(message.programId !== undefined && { programId: message.programId }),
        });
        for (const admin of admins) {
          planned.push({
            ...base,
            _id: `${event.id}:a:${admin._id}:email`,
            adminContactId: admin._id,
            channel: 'email',
            status: 'pending',
            dueAt: now,
          });
        }
      }
    }
    planned.push(...this.forWebhooks(event, messages, reads.webhooks, now));
    return planned;
  }

  private base(
    event: EventEnvelope,
    message: PlannedMessage,
    definition: MessageKindDefinition,
    now: Date,
  ): Base {
    const payload: StoredPayload = {
      data: message.data,
      ...(message.names !== undefined && { names: message.names }),
      ...(message.attachments !== undefined && { attachments: message.attachments }),
      ...(message.invitation !== undefined && { invitation: message.invitation }),
    };
    return {
      tenantId: event.tenantid,
      kind: definition.kind,
      category: definition.category,
      priority: definition.priority,
      ...(message.programId !== undefined && { programId: message.programId }),
      sourceEventId: event.id,
      sourceEventType: event.type,
      data: JSON.stringify(payload),
      createdAt: now,
    };
  }

  private async forPhysician(
    base: Base,
    physicianId: string,
    definition: MessageKindDefinition,
    reads: TenantReads,
    now: Date,
  ): Promise<NewDelivery[]> {
    const contact = reads.contacts.get(physicianId);
    if (contact?.erased) return [];
    const preferences = reads.preferences.get(physicianId) ?? DEFAULT_PREFERENCES;
    const timeZone = contact?.timeZone ?? reads.timeZone ?? 'UTC';
    const day = DateTime.fromJSDate(now, { zone: timeZone }).toISODate() ?? '';
    const planned: NewDelivery[] = [];
    for (const channel of PERSONAL_CHANNELS) {
      const id = `${base.sourceEventId}:p:${physicianId}:${channel}`;
      const decide = (sentToday: number) =>
        decideDelivery({
          priority: definition.priority,
          category: definition.category,
          channel,
          preferences,
          timeZone,
          now,
          sentToday,
          dailyCap: this.config.DAILY_EMAIL_CAP,
        });
      let decision = decide(0);
      // Only an email that would go out now or after quiet hours takes one of the day's slots.
      if (decision.action === 'send' && channel === 'email' && definition.priority !== 'critical') {
        const granted = await this.cap.take({
          tenantId: base.tenantId,
          physicianId,
          day,
          deliveryId: id,
          cap: this.config.DAILY_EMAIL_CAP,
        });
        if (!granted) decision = decide(this.config.DAILY_EMAIL_CAP);
      }
      planned.push(this.delivery(base, id, physicianId, channel, decision, now));
    }
    return planned;
  }

  private delivery(
    base: Base,
    id: string,
    physicianId: string,
    channel: string,
    decision: Decision,
    now: Date,
  ): NewDelivery {
    const delivery = { ...base, _id: id, physicianId, channel };
    switch (decision.action) {
      case 'send':
        return { ...delivery, status: 'pending', dueAt: decision.at };
      case 'digest':
        return {
          ...delivery,
          status: 'digest-queued',
          dueAt: decision.dueAt,
          digestKey: `${physicianId}:${decision.periodKey}`,
        };
      case 'skip':
        return {
          ...delivery,
          status: 'skipped',
          reason: decision.reason,
          dueAt: now,
          finishedAt: now,
          events: [
            outcomeEvent(
              { ...delivery, attempts: 0 },
              { type: 'medmentor.notifications.delivery.skipped', reason: decision.reason },
              now,
            ),
          ],
        };
    }
  }

  /** One delivery per (event, webhook, kind) for the tenant's webhooks that take the kind. */
  private forWebhooks(
    event: EventEnvelope,
    messages: PlannedMessage[],
    hooks: Webhook[],
    now: Date,
  ): NewDelivery[] {
    if (messages.length === 0) return [];
    const firstOfKind = new Map<string, PlannedMessage>();
    for (const message of messages)
      if (!firstOfKind.has(message.kind)) firstOfKind.set(message.kind, message);
    const planned: NewDelivery[] = [];
    for (const hook of hooks) {
      for (const [kind, message] of firstOfKind) {
        if (hook.kinds.length > 0 && !hook.kinds.includes(kind)) continue;
        const base = this.base(event, message, messageKind(kind), now);
        planned.push({
          ...base,
          _id: `${event.id}:w:${hook._id}:${kind}`,
          webhookId: hook._id,
          channel: 'webhook',
          status: 'pending',
          dueAt: now,
        });
      }
    }
    return planned;
  }
}
