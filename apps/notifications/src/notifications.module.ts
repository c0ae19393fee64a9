import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { MongooseModule } from '@nestjs/mongoose';
import { AuditModule } from '@medmentor/audit';
import type { FastifyInstance } from 'fastify';
import { EmailChannel } from './channels/email.channel';
import { WebhookChannel } from './channels/webhook.channel';
import { Clock } from './config/clock';
import { loadNotificationsConfig, NOTIFICATIONS_CONFIG } from './config/notifications-config';
import { DeliveryDispatcher } from './delivery/delivery-dispatcher.service';
import { DeliveryLogController } from './delivery/delivery-log.controller';
import { DeliveryLogService } from './delivery/delivery-log.service';
import { DeliveryMetrics } from './delivery/delivery-metrics';
import { DeliveryLookupsLoader } from './delivery/delivery-lookups.service';
import { DeliveryRenderer } from './delivery/delivery-renderer.service';
import { DeliverySender } from './delivery/delivery-sender.service';
import { DeliveryRepository } from './delivery/delivery.repository';
import { DigestBuilder } from './delivery/digest-builder.service';
import { DispatchSignal } from './delivery/dispatch-signal';
import { NotificationPlanner } from './delivery/notification-planner.service';
import {
  DeliveryDeadLetter,
  DeliveryDeadLetterSchema,
} from './delivery/schemas/dead-letter.schema';
import { Delivery, DeliverySchema } from './delivery/schemas/delivery.schema';
import { EmailDayCount, EmailDayCountSchema } from './delivery/schemas/email-day-count.schema';
import { EmailCapRepository } from './delivery/email-cap.repository';
import { AdminContactController } from './directory/admin-contact.controller';
import { AdminContactService } from './directory/admin-contact.service';
import { DirectoryConsumer } from './directory/directory.consumer';
import { DirectoryRepository } from './directory/directory.repository';
import { DirectoryService } from './directory/directory.service';
import { NameRedaction } from './directory/name-redaction.service';
import { ErasureService } from './directory/erasure.service';
import { AdminContact, AdminContactSchema } from './directory/schemas/admin-contact.schema';
import { Contact, ContactSchema } from './directory/schemas/contact.schema';
import { ProgramEntry, ProgramEntrySchema } from './directory/schemas/program-entry.schema';
import { TenantEntry, TenantEntrySchema } from './directory/schemas/tenant-entry.schema';
import { InboxController } from './inbox/inbox.controller';
import { InboxRepository } from './inbox/inbox.repository';
import { InboxService } from './inbox/inbox.service';
import { InboxMessage, InboxMessageSchema } from './inbox/schemas/inbox-message.schema';
import { NotificationEventsConsumer } from './kinds/notification-events.consumer';
import { PreferenceController } from './preferences/preference.controller';
import { PreferenceRepository } from './preferences/preference.repository';
import { PreferenceService } from './preferences/preference.service';
import { Preference, PreferenceSchema } from './preferences/schemas/preference.schema';
import { TemplateEngine } from './templates/template-engine';
import { TemplateOverride, TemplateOverrideSchema } from './templates/template-override.schema';
import { TemplateOverrideRepository } from './templates/template-override.repository';
import { TemplateController } from './templates/template.controller';
import { TemplateService } from './templates/template.service';
import { UnsubscribeController } from './unsubscribe/unsubscribe.controller';
import { Webhook, WebhookSchema } from './webhooks/schemas/webhook.schema';
import { WebhookController } from './webhooks/webhook.controller';
import { WebhookRepository } from './webhooks/webhook.repository';
import { WebhookService } from './webhooks/webhook.service';
import { HostResolver } from './webhooks/host-resolver';
import { WebhookSecrets } from './webhooks/webhook-secrets';
import { WebhookTargetGuard } from './webhooks/webhook-target.guard';

/**
 * Domain events in, messages out: the read model (contacts, programs, tenants, admin
 * contacts), the planner and dispatcher, the email, inbox and webhook channels, templates,
 * preferences and unsubscribe, and the delivery log.
 */
@Module({
  imports: [
    // The audit log of template, webhook and admin-contact changes, and GET /api/v1/audit-events.
    AuditModule.forService('notifications'),
    MongooseModule.forFeature([
      { name: Contact.name, schema: ContactSchema },
      { name: ProgramEntry.name, schema: ProgramEntrySchema },
      { name: TenantEntry.name, schema: TenantEntrySchema },
      { name: AdminContact.name, schema: AdminContactSchema },
      { name: Delivery.name, schema: DeliverySchema },
      { name: DeliveryDeadLetter.name, schema: DeliveryDeadLetterSchema },
      { name: EmailDayCount.name, schema: EmailDayCountSchema },
      { name: Preference.name, schema: PreferenceSchema },
      { name: InboxMessage.name, schema: InboxMessageSchema },
      { name: Webhook.name, schema: WebhookSchema },
      { name: TemplateOverride.name, schema: TemplateOverrideSchema },
    ]),
  ],
  controllers: [
    InboxController,
    PreferenceController,
    UnsubscribeController,
    DeliveryLogController,
    WebhookController,
    AdminContactController,
    TemplateController,
  ],
  providers: [
    { provide: NOTIFICATIONS_CONFIG, useFactory: () => loadNotificationsConfig() },
    Clock,
    TemplateEngine,
    DirectoryRepository,
    DirectoryService,
    DirectoryConsumer,
    ErasureService,
    NameRedaction,
    AdminContactService,
    DeliveryRepository,
    EmailCapRepository,
    DeliveryMetrics,
    DeliveryLookupsLoader,
    DeliveryRenderer,
    DeliverySender,
    DigestBuilder,
    DispatchSignal,
    DeliveryDispatcher,
    NotificationPlanner,
    NotificationEventsConsumer,
    DeliveryLogService,
    EmailChannel,
    WebhookChannel,
    InboxRepository,
    InboxService,
    PreferenceRepository,
    PreferenceService,
    WebhookRepository,
    WebhookService,
    HostResolver,
    WebhookTargetGuard,
    WebhookSecrets,
    TemplateOverrideRepository,
    TemplateService,
  ],
})
export class NotificationsModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  /** Mail clients post one-click unsubscribes as a form (RFC 8058); the body is not needed. */
  onModuleInit(): void {
    const fastify = this.adapter.httpAdapter.getInstance<FastifyInstance>();
    for (const type of ['application/x-www-form-urlencoded', 'multipart/form-data']) {
      if (fastify.hasContentTypeParser(type)) continue;
      fastify.addContentTypeParser(
        type,
        { parseAs: 'string', bodyLimit: 4096 },
        (_request, _body, done) => {
          done(null, undefined);
        },
      );
    }
  }
}
