import { request as httpRequest } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import {
  DELIVERY_HEADER,
  SIGNATURE_HEADER,
  signWebhook,
  TIMESTAMP_HEADER,
} from '../policy/webhook-signature';
import { WebhookTargetGuard } from '../webhooks/webhook-target.guard';

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

/**
 * POSTs the JSON body signed with the endpoint's secret; anything but 2xx is a failure to
 * retry. The connection resolves the host through the target guard, so the address checked
 * is the address dialled; redirects are not followed.
 */
@Injectable()
export class WebhookChannel {
  constructor(
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
    private readonly guard: WebhookTargetGuard,
  ) {}

  async send(call: WebhookCall): Promise<void> {
    this.guard.assertCallable(call.url);
    const body = JSON.stringify(call.body);
    const timestamp = Math.floor(call.now.getTime() / 1000);
    const status = await this.post(call.url, body, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(body)),
      'user-agent': 'MedMentor-Webhooks/1',
      [SIGNATURE_HEADER]: signWebhook(call.secret, timestamp, body),
      [TIMESTAMP_HEADER]: String(timestamp),
      [DELIVERY_HEADER]: call.deliveryId,
    });
    if (status < 200 || status >= 300) throw new WebhookResponseError(status);
  }

  private post(url: string, body: string, headers: Record<string, string>): Promise<number> {
    const request = new URL(url).protocol === 'https:' ? httpsRequest : httpRequest;
    return new Promise((resolve, reject) => {
      const req = request(
        url,
        {
          method: 'POST',
          headers,
          lookup: this.guard.lookup,
          signal: AbortSignal.timeout(this.config.WEBHOOK_TIMEOUT_MS),
        },
        (response) => {
          // The answer's body is not needed: drain it so the socket is released.
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
          response.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  }
}
