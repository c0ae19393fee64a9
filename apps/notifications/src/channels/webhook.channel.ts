import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
} from '../policy/webhook-signature';

export interface WebhookCall {
  url: string;
  secret: string;
  deliveryId: string;
  body: Record<string, unknown>;
  now: Date;
}

export class WebhookResponseError extends Error {
  constructor(readonly status: number) {
    super(`webhook answered ${status}`);
    this.name = 'WebhookResponseError';
  }
}

/** POSTs the JSON body signed with the endpoint's secret; anything but 2xx is a failure to retry. */
@Injectable()
export class WebhookChannel {
  constructor(@Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig) {}

  async send(call: WebhookCall): Promise<void> {
    const body = JSON.stringify(call.body);
    const timestamp = Math.floor(call.now.getTime() / 1000);
    const response = await fetch(call.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'user-agent': 'MedMentor-Webhooks/1',
        [SIGNATURE_HEADER]: signWebhook(call.secret, timestamp, body),
        [TIMESTAMP_HEADER]: String(timestamp),
        [DELIVERY_HEADER]: call.deliveryId,
      },
      body,
      redirect: 'manual',
      signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
    });
    await response.body?.cancel();
    if (response.status < 200 || response.status >= 300)
      throw new WebhookResponseError(response.status);
  }
}
