import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { AuditLog, type AuditSummary } from '@medmentor/audit';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { newId } from '@medmentor/domain';
import { DomainError } from '@medmentor/platform';
import { Clock } from '../config/clock';
import { isSealed } from '../policy/secret-box';
import { newWebhookSecret } from '../policy/webhook-signature';
import type { CreateWebhookDto, UpdateWebhookDto, WebhookView } from './webhook.dto';
import { WebhookRepository } from './webhook.repository';
import type { Webhook } from './schemas/webhook.schema';
import { WebhookSecrets } from './webhook-secrets';
import { WebhookTargetGuard } from './webhook-target.guard';

const view = (w: Webhook): WebhookView => ({
  id: w._id,
  url: w.url,
  kinds: w.kinds,
  createdAt: w.createdAt.toISOString(),
});

const notFound = (webhookId: string) =>
  new DomainError({
    code: 'webhook-not-found',
    status: 404,
    title: 'Webhook not found',
    detail: `No webhook ${webhookId} in this tenant.`,
  });

@Injectable()
export class WebhookService implements OnApplicationBootstrap {
  private readonly logger = new Logger(WebhookService.name);

  constructor(
    private readonly repository: WebhookRepository,
    private readonly clock: Clock,
    private readonly guard: WebhookTargetGuard,
    private readonly secrets: WebhookSecrets,
    private readonly audit: AuditLog,
  ) {}

  /** Ids, host and kinds only: a webhook URL's path and query often hold a token. */
  private async record(
    principal: Principal,
    verb: 'created' | 'updated' | 'deleted' | 'secret-rotated',
    webhookId: string,
    summary: AuditSummary = {},
  ): Promise<void> {
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action: `webhook.${verb}`,
      resource: { type: 'webhook', id: webhookId },
      summary,
    });
  }

  /** 400 naming the field when the URL may not receive webhooks; nothing is stored. */
  private async assertTarget(url: string): Promise<void> {
    const refused = await this.guard.refusal(url);
    if (refused === undefined) return;
    throw new DomainError({
      code: 'webhook-url-refused',
      status: 400,
      title: 'Webhook URL refused',
      detail: `The webhook URL ${refused}.`,
      errors: [{ field: 'url', message: refused }],
    });
  }

  async create(
    principal: Principal,
    input: CreateWebhookDto,
  ): Promise<WebhookView & { secret: string }> {
    await this.assertTarget(input.url);
    const secret = newWebhookSecret();
    const owner = { _id: newId(), tenantId: principal.tenantId };
    const webhook = {
      ...owner,
      url: input.url,
      kinds: input.kinds,
      secret: this.secrets.seal(owner, secret),
      createdAt: this.clock.now(),
    };
    await this.repository.insert(webhook);
    await this.record(principal, 'created', webhook._id, {
      host: new URL(input.url).host,
      kinds: input.kinds,
    });
    return { ...view(webhook), secret };
  }

  async list(principal: Principal): Promise<{ items: WebhookView[] }> {
    return { items: (await this.repository.list(tenantFilter(principal))).map(view) };
  }

  async update(
    principal: Principal,
    webhookId: string,
    input: UpdateWebhookDto,
  ): Promise<WebhookView> {
    if (input.url !== undefined) await this.assertTarget(input.url);
    const updated = await this.repository.update(tenantFilter(principal, { _id: webhookId }), {
      ...(input.url !== undefined && { url: input.url }),
      ...(input.kinds !== undefined && { kinds: input.kinds }),
      updatedAt: this.clock.now(),
    });
    if (!updated) throw notFound(webhookId);
    await this.record(principal, 'updated', webhookId, {
      fields: Object.keys(input).filter((k) => k === 'url' || k === 'kinds'),
      host: new URL(updated.url).host,
      kinds: updated.kinds,
    });
    return view(updated);
  }

  /** A new signing secret, in force at once for every later call; shown once. */
  async rotateSecret(
    principal: Principal,
    webhookId: string,
  ): Promise<WebhookView & { secret: string }> {
    const secret = newWebhookSecret();
    const key = tenantFilter(principal, { _id: webhookId });
    const now = this.clock.now();
    const updated = await this.repository.update(key, {
      secret: this.secrets.seal(key, secret),
      secretRotatedAt: now,
      updatedAt: now,
    });
    if (!updated) throw notFound(webhookId);
    await this.record(principal, 'secret-rotated', webhookId);
    return { ...view(updated), secret };
  }

  async delete(principal: Principal, webhookId: string): Promise<void> {
    if (!(await this.repository.delete(tenantFilter(principal, { _id: webhookId }))))
      throw notFound(webhookId);
    await this.record(principal, 'deleted', webhookId);
  }

  /** Seals secrets stored before encryption at rest existed (only with a configured key). */
  async onApplicationBootstrap(): Promise<void> {
    if (!this.secrets.keyConfigured) return;
    const sealed = await this.sealStoredSecrets();
    if (sealed > 0) this.logger.log(`sealed ${sealed} webhook secret(s) stored in plain form`);
  }

  async sealStoredSecrets(): Promise<number> {
    let sealed = 0;
    for (const hook of await this.repository.allSecrets()) {
      if (isSealed(hook.secret)) continue;
      const key = { _id: hook._id, tenantId: hook.tenantId };
      if (
        await this.repository.replaceSecret(key, hook.secret, this.secrets.seal(key, hook.secret))
      )
        sealed += 1;
    }
    return sealed;
  }
}
