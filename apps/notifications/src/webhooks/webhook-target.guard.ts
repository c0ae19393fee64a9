import type { LookupAddress, LookupOptions } from 'node:dns';
import { Inject, Injectable } from '@nestjs/common';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { checkWebhookUrl, refusedAddressReason } from '../policy/webhook-target';
import { HostResolver, type ResolvedAddress } from './host-resolver';

/** A webhook call not made because of where it would go; permanent, never retried. */
export class WebhookTargetRefusedError extends Error {
  constructor(readonly reason: string) {
    super(`webhook target refused: ${reason}`);
    this.name = 'WebhookTargetRefusedError';
  }
}

type LookupCallback = (
  error: NodeJS.ErrnoException | null,
  address: string | LookupAddress[],
  family?: number,
) => void;

/**
 * Keeps webhooks away from the service's own networks: checks a URL when it is stored
 * (https, a name that resolves, no loopback, link-local or private address) and again on
 * every call, inside the connection's own name lookup, so a name that resolves elsewhere
 * later (DNS rebinding) is refused on the address actually dialled.
 */
@Injectable()
export class WebhookTargetGuard {
  private readonly allowPrivate: boolean;

  constructor(
    private readonly resolver: HostResolver,
    @Inject(NOTIFICATIONS_CONFIG) config: NotificationsConfig,
  ) {
    this.allowPrivate = config.WEBHOOK_ALLOW_PRIVATE_TARGETS;
  }

  /** Why the URL may not be stored, or undefined. */
  async refusal(url: string): Promise<string | undefined> {
    const check = checkWebhookUrl(url, this.allowPrivate);
    if (!check.ok) return check.reason;
    if (check.literalAddress || this.allowPrivate) return undefined;
    try {
      await this.addressesOf(check.hostname);
      return undefined;
    } catch (error) {
      return error instanceof WebhookTargetRefusedError ? error.reason : 'host does not resolve';
    }
  }

  /** Before a call: the URL's rules again; throws WebhookTargetRefusedError. */
  assertCallable(url: string): void {
    const check = checkWebhookUrl(url, this.allowPrivate);
    if (!check.ok) throw new WebhookTargetRefusedError(check.reason);
  }

  /** The `lookup` of the call's connection: resolves and refuses a forbidden address. */
  readonly lookup = (hostname: string, options: LookupOptions, callback: LookupCallback): void => {
    this.addressesOf(hostname).then(
      (addresses) => {
        const wanted = addresses.filter((a) => !options.family || a.family === options.family);
        const [first] = wanted;
        if (!first) {
          callback(
            Object.assign(new Error(`${hostname} has no usable address`), { code: 'ENOTFOUND' }),
            [],
          );
          return;
        }
        if (options.all) callback(null, wanted);
        else callback(null, first.address, first.family);
      },
      (error: unknown) => callback(error as NodeJS.ErrnoException, []),
    );
  };

  private async addressesOf(hostname: string): Promise<ResolvedAddress[]> {
    const addresses = await this.resolver.resolve(hostname);
    if (this.allowPrivate) return addresses;
    for (const { address } of addresses) {
      const refused = refusedAddressReason(address);
      if (refused)
        throw new WebhookTargetRefusedError(`${hostname} resolves to a ${refused} address`);
    }
    if (addresses.length === 0) throw new Error(`${hostname} does not resolve`);
    return addresses;
  }
}
