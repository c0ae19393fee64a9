import { randomUUID } from 'node:crypto';
import {
  Inject,
  Injectable,
  Logger,
  type BeforeApplicationShutdown,
  type OnApplicationBootstrap,
} from '@nestjs/common';
import { Clock } from '../config/clock';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { DeliveryRenderer } from './delivery-renderer.service';
import { DeliverySender } from './delivery-sender.service';
import { DeliveryRepository } from './delivery.repository';
import { DigestBuilder } from './digest-builder.service';
import { DispatchBatch } from './dispatch-batch';
import { DispatchSignal } from './dispatch-signal';

/** Runs `work` over `items` with at most `limit` in flight. */
const inPool = async <T>(
  items: readonly T[],
  limit: number,
  work: (item: T) => Promise<void>,
): Promise<void> => {
  let next = 0;
  const lane = async (): Promise<void> => {
    while (next < items.length) {
      const item = items[next++];
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
};

/**
 * The loop that sends due deliveries: claim a batch with a lease, send with bounded
 * concurrency while the outcomes are written as they come (see DispatchBatch); then build
 * due digests. Every replica runs one; leases keep them from sending the same delivery at
 * once. Polls every DISPATCH_INTERVAL_MS, at once again after a full batch or when the
 * planner signals new work.
 */
@Injectable()
export class DeliveryDispatcher implements OnApplicationBootstrap, BeforeApplicationShutdown {
  private readonly logger = new Logger(DeliveryDispatcher.name);
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<void> | undefined;
  private stopping = false;
  private wakeRequested = false;

  constructor(
    private readonly repository: DeliveryRepository,
    private readonly sender: DeliverySender,
    private readonly renderer: DeliveryRenderer,
    private readonly digests: DigestBuilder,
    private readonly clock: Clock,
    private readonly signal: DispatchSignal,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.signal.onWake(() => this.wake());
    this.schedule(0);
  }

  async beforeApplicationShutdown(): Promise<void> {
    this.stopping = true;
    clearTimeout(this.timer);
    await this.current;
  }

  /** One pass: returns how many deliveries it claimed. */
  async runOnce(): Promise<number> {
    const now = this.clock.now();
    const token = randomUUID();
    const claimed = await this.repository.claimDue(
      now,
      this.config.DISPATCH_BATCH_SIZE,
      token,
      new Date(now.getTime() + this.config.DELIVERY_LEASE_MS),
    );
    // Names, addresses and templates for the whole batch in a few reads; if they cannot be
    // read now, each delivery reads its own and fails (and is retried) on its own.
    const lookups =
      claimed.length === 0 ? undefined : await this.renderer.load(claimed).catch(() => undefined);
    const batch = new DispatchBatch(token, lookups, (chunk) => this.sender.record(chunk));
    await inPool(claimed, this.config.DISPATCH_CONCURRENCY, (delivery) =>
      this.sender.deliver(delivery, batch),
    );
    await batch.settle();
    await this.digests.run();
    return claimed.length;
  }

  private wake(): void {
    if (this.current) this.wakeRequested = true;
    else this.schedule(0);
  }

  private schedule(delayMs: number): void {
    if (this.stopping) return;
    clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.wakeRequested = false;
      this.current = this.runOnce().then(
        (claimed) => {
          this.current = undefined;
          const again = claimed >= this.config.DISPATCH_BATCH_SIZE || this.wakeRequested;
          this.schedule(again ? 0 : this.config.DISPATCH_INTERVAL_MS);
        },
        (error: unknown) => {
          this.current = undefined;
          this.logger.warn(`dispatch pass failed: ${(error as Error).message}`);
          this.schedule(this.config.DISPATCH_INTERVAL_MS * 4);
        },
      );
    }, delayMs);
  }
}
