import { Injectable } from '@nestjs/common';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { newId } from '@medmentor/domain';
import { DomainError } from '@medmentor/platform';
import { Clock } from '../config/clock';
import { newWebhookSecret } from '../policy/webhook-signature';
import type { CreateWebhookDto, WebhookView } from './webhook.dto';
import { WebhookRepository } from './webhook.repository';
import type { Webhook } from './schemas/webhook.schema';
import { WebhookTargetGuard } from './webhook-target.guard';

const view = (w: Webhook): WebhookView => ({
  id: w._id,
  url: w.url,
  kinds: w.kinds,
  createdAt: w.createdAt.toISOString(),
});

@Injectable()
export class WebhookService {
  constructor(
    private readonly repository: WebhookRepository,
    private readonly clock: Clock,
    private readonly guard: WebhookTargetGuard,
  ) {}

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
    const webhook = {
      _id: newId(),
      tenantId: principal.tenantId,
      url: input.url,
      kinds: input.kinds,
      secret: newWebhookSecret(),
      createdAt: this.clock.now(),
    };
    await this.repository.insert(webhook);
    return { ...view(webhook), secret: webhook.secret };
  }

  async list(principal: Principal): Promise<{ items: WebhookView[] }> {
    return { items: (await this.repository.list(tenantFilter(principal))).map(view) };
  }

  async delete(principal: Principal, webhookId: string): Promise<void> {
    if (!(await this.repository.delete(tenantFilter(principal, { _id: webhookId })))) {
      throw new DomainError({
        code: 'webhook-not-found',
        status: 404,
        title: 'Webhook not found',
        detail: `No webhook ${webhookId} in this tenant.`,
      });
    }
  }
}
