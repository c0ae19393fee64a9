import { Inject, Injectable, Logger } from '@nestjs/common';
import { EmailChannel, isPermanentSmtpError } from '../channels/email.channel';
import { WebhookChannel } from '../channels/webhook.channel';
import { SecretUnreadableError } from '../policy/secret-box';
import { WebhookTargetRefusedError } from '../webhooks/webhook-target.guard';
import { Clock } from '../config/clock';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { NameRedaction } from '../directory/name-redaction.service';
import { InboxRepository } from '../inbox/inbox.repository';
import { nextAttempt, type RetryPolicy } from '../policy/retry-schedule';
import { DeliveryMetrics } from './delivery-metrics';
import { DeliveryRenderer, type Addressed } from './delivery-renderer.service';
import { DeliveryRepository } from './delivery.repository';
import type { DispatchBatch, OutcomeChunk } from './dispatch-batch';
import { outcomeEvent } from './outcome-event';
import type { Delivery } from './schemas/delivery.schema';

/**
 * Sends one leased delivery and records the outcome with its event: sent; skipped (erased or
 * removed recipient); retried later with exponential backoff and jitter; or, after the last
 * attempt or a permanent refusal (SMTP 5xx, a refused webhook target, an unreadable webhook secret), failed with a dead-letter record.
 */
@Injectable()
export class DeliverySender {
  private readonly logger = new Logger(DeliverySender.name);
  private readonly policy: RetryPolicy;

  constructor(
    private readonly repository: DeliveryRepository,
    private readonly renderer: DeliveryRenderer,
    private readonly email: EmailChannel,
    private readonly webhook: WebhookChannel,
    private readonly inbox: InboxRepository,
    private readonly redaction: NameRedaction,
    private readonly metrics: DeliveryMetrics,
    private readonly clock: Clock,
    @Inject(NOTIFICATIONS_CONFIG) config: NotificationsConfig,
  ) {
    this.policy = {
      maxAttempts: config.DELIVERY_MAX_ATTEMPTS,
      initialMs: config.DELIVERY_RETRY_INITIAL_MS,
      maxMs: config.DELIVERY_RETRY_MAX_MS,
      jitter: 0.2,
    };
  }

  /**
   * Sends one leased delivery of the batch, hands its outcome to the batch, which writes it
   * (with `record`) while the rest of the batch is still being sent, and returns once it is
   * written: the lane takes its next delivery only then. Once a write of the batch failed,
   * sends nothing more: what is left waits for its lease to expire.
   */
  async deliver(delivery: Delivery, batch: DispatchBatch): Promise<void> {
    if (batch.broken) return;
    const attempts = delivery.attempts + 1;
    let addressed: Addressed;
    try {
      addressed = await this.renderer.address(delivery, batch.lookups);
      if ('skip' in addressed) {
        const now = this.clock.now();
        await batch.finished({
          id: delivery._id,
          token: batch.token,
          changes: { status: 'skipped', reason: addressed.skip, finishedAt: now },
          event: outcomeEvent(
            delivery,
            { type: 'medmentor.notifications.delivery.skipped', reason: addressed.skip },
            now,
          ),
        });
        return;
      }
      await this.send(delivery, addressed, batch);
    } catch (error) {
      await this.failed(delivery, batch, attempts, error);
      return;
    }
    // Between the channel's acceptance and the write of this outcome (a few milliseconds) a
    // crash would send again after the lease expires; the Message-ID (and webhook delivery
    // id) stay the same for receivers.
    const now = this.clock.now();
    const written = batch.finished({
      id: delivery._id,
      token: batch.token,
      changes: { status: 'sent', attempts, sentAt: now, finishedAt: now },
      event: outcomeEvent(
        { ...delivery, attempts },
        { type: 'medmentor.notifications.delivery.sent' },
        now,
      ),
    });
    this.metrics.sent.inc({ channel: delivery.channel });
    await written;
  }

  /**
   * Writes a chunk of a batch's outcomes: inbox messages first (an inbox delivery is `sent`
   * only once its message is stored), then every outcome with its event in one bulk write,
   * then the check of the names the inbox messages show.
   */
  async record(chunk: OutcomeChunk): Promise<void> {
    await this.inbox.insertAllOnce(chunk.inbox);
    await this.repository.recordOutcomes(chunk.outcomes);
    // A physician these messages name may have been erased since the batch read the names.
    // After the outcomes, so a failure here cannot make the batch's mail go out again.
    await this.redaction.afterWrite(
      chunk.inbox.map((message) => ({
        ...message,
        named: chunk.inboxNames.get(message._id) ?? {},
        mentions: message.mentions ?? [],
      })),
      'inbox',
    );
  }

  private async send(
    delivery: Delivery,
    addressed: Exclude<Addressed, { skip: string }>,
    batch: DispatchBatch,
  ): Promise<void> {
    switch (addressed.channel) {
      case 'email':
        await this.email.send({
          to: addressed.to,
          subject: addressed.message.subject,
          text: addressed.message.text,
          ...(addressed.message.html !== undefined && { html: addressed.message.html }),
          messageId: addressed.messageId,
          ...(addressed.unsubscribeUrl !== undefined && {
            unsubscribeUrl: addressed.unsubscribeUrl,
          }),
          attachments: addressed.attachments,
        });
        return;
      case 'inbox':
        batch.inboxMessage(
          {
            _id: delivery._id,
            tenantId: delivery.tenantId,
            physicianId: addressed.physicianId,
            kind: delivery.kind,
            subject: addressed.message.subject,
            text: addressed.message.text,
            createdAt: delivery.createdAt,
            mentions: addressed.mentions,
          },
          addressed.named,
        );
        return;
      case 'webhook':
        await this.webhook.send({
          url: addressed.url,
          secret: addressed.secret,
          deliveryId: delivery._id,
          now: this.clock.now(),
          body: {
            id: delivery._id,
            kind: delivery.kind,
            tenantId: delivery.tenantId,
            sourceEventId: delivery.sourceEventId,
            text: addressed.message.text,
            data: addressed.data,
          },
        });
    }
  }

  private async failed(
    delivery: Delivery,
    batch: DispatchBatch,
    attempts: number,
    error: unknown,
  ): Promise<void> {
    const now = this.clock.now();
    const reason = error instanceof Error ? error.message : String(error);
    // A refused webhook target or an unreadable secret is no outage: retrying cannot help.
    const permanent =
      isPermanentSmtpError(error) ||
      error instanceof WebhookTargetRefusedError ||
      error instanceof SecretUnreadableError;
    const next = permanent ? { retry: false as const } : nextAttempt(attempts, now, this.policy);
    if (next.retry) {
      this.metrics.retried.inc({ channel: delivery.channel });
      await batch.rescheduled({
        id: delivery._id,
        token: batch.token,
        attempts,
        dueAt: next.at,
        lastError: reason,
      });
      return;
    }
    this.logger.warn(`delivery ${delivery._id} failed after ${attempts} attempt(s): ${reason}`);
    await this.repository.recordDeadLetter({
      _id: delivery._id,
      tenantId: delivery.tenantId,
      kind: delivery.kind,
      channel: delivery.channel,
      reason,
      attempts,
      failedAt: now,
    });
    await batch.finished({
      id: delivery._id,
      token: batch.token,
      changes: { status: 'failed', attempts, lastError: reason, finishedAt: now },
      event: outcomeEvent(
        { ...delivery, attempts },
        { type: 'medmentor.notifications.delivery.failed', reason },
        now,
      ),
    });
    this.metrics.failed.inc({ channel: delivery.channel });
  }
}
