import { Inject, Injectable, Logger } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { isSealed, SecretBox } from '../policy/secret-box';

interface SecretOwner {
  _id: string;
  tenantId: string;
}

/**
 * Seals and opens webhook signing secrets with NOTIFICATIONS_SECRET_KEY. The context bound to
 * each value is the tenant and webhook id. A value stored before encryption (no `v1.` prefix)
 * is read as it is until it is sealed at boot or rotated.
 */
@Injectable()
export class WebhookSecrets {
  private readonly logger = new Logger(WebhookSecrets.name);
  private readonly box: SecretBox;
  readonly keyConfigured: boolean;

  constructor(@Inject(NOTIFICATIONS_CONFIG) config: NotificationsConfig) {
    this.box = new SecretBox(config.secretKey);
    this.keyConfigured = !config.secretKeyEphemeral;
    if (!this.keyConfigured)
      this.logger.warn(
        'NOTIFICATIONS_SECRET_KEY is not set: webhook secrets are sealed with a key of this process only, and cannot be read after a restart or by another replica',
      );
  }

  seal(owner: SecretOwner, secret: string): string {
    return this.box.seal(secret, contextOf(owner));
  }

  /** The plain secret; throws SecretUnreadableError when sealed with another key or altered. */
  open(owner: SecretOwner & { secret: string }): string {
    return isSealed(owner.secret) ? this.box.open(owner.secret, contextOf(owner)) : owner.secret;
  }
}

const contextOf = (owner: SecretOwner): string => `webhook:${owner.tenantId}:${owner._id}`;
