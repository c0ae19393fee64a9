import {
  Inject,
  Injectable,
  Logger,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Clock } from '../core/clock';
import { MATCHING_CONFIG, type MatchingConfig } from '../core/matching-config';
import { MatchRepository } from './match.repository';
import { MatchService } from './match.service';

const BATCH = 200;

/**
 * Expires proposals whose response deadline passed, every `MATCH_EXPIRY_INTERVAL_MS`. Safe with
 * several replicas: each expiry is a conditional update on the match's version, so only one
 * replica's update (and its event) is written.
 */
@Injectable()
export class ExpiryWorker implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(ExpiryWorker.name);
  private timer: NodeJS.Timeout | undefined;
  private current: Promise<number> | undefined;

  constructor(
    private readonly matches: MatchRepository,
    private readonly service: MatchService,
    private readonly clock: Clock,
    @Inject(MATCHING_CONFIG) private readonly config: MatchingConfig,
  ) {}

  onApplicationBootstrap(): void {
    this.timer = setInterval(() => void this.sweep(), this.config.MATCH_EXPIRY_INTERVAL_MS);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.current;
  }

  /** One pass; returns how many proposals this replica expired. */
  sweep(): Promise<number> {
    this.current ??= this.pass()
      .catch((error: unknown) => {
        this.logger.error(`expiry sweep failed: ${String(error)}`);
        return 0;
      })
      .finally(() => {
        this.current = undefined;
      });
    return this.current;
  }

  private async pass(): Promise<number> {
    const now = this.clock.now();
    let expired = 0;
    for (const match of await this.matches.overdue(now, BATCH)) {
      if (await this.service.expire(match, now)) expired += 1;
    }
    if (expired > 0) this.logger.log(`expired ${expired} proposal(s) past their deadline`);
    return expired;
  }
}
