import {
  Inject,
  Injectable,
  Logger,
  Optional,
  type OnApplicationBootstrap,
  type OnModuleDestroy,
} from '@nestjs/common';
import { tenantContext, tenantFilter } from '@medmentor/auth';
import { newId } from '@medmentor/domain';
import { runWithCorrelationId } from '@medmentor/platform';
import { Clock } from './clock';
import {
  DEFAULT_ENROLLMENTS_CONFIG,
  ENROLLMENTS_CONFIG,
  type EnrollmentsConfig,
} from './enrollments-config';
import { rankListFrozenEvent } from './enrollment.mapper';
import { EnrollmentRepository, type EnrollmentRecord } from './enrollment.repository';
import { ProgramDeadlineRepository, type DueProgram } from './program-deadline.repository';

const BATCH = 200;
/** Passes over one program per sweep; lists edited during a pass are taken in the next. */
const MAX_PASSES = 20;

/**
 * Freezes the rank list of every active mentee and mentor enrollment once its program's
 * deadline has passed, publishing `rank-list.frozen` with the final list. Each freeze is one
 * conditional update (the list not frozen yet, the version read) carrying its event, so
 * several replicas sweeping at once, or a sweep cut short by a crash, freeze each list and
 * announce it exactly once.
 */
@Injectable()
export class RankListFreezer implements OnApplicationBootstrap, OnModuleDestroy {
  private readonly logger = new Logger(RankListFreezer.name);
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<number> | undefined;

  constructor(
    private readonly deadlines: ProgramDeadlineRepository,
    private readonly enrollments: EnrollmentRepository,
    private readonly clock: Clock,
    // Optional so a second sweeper can be built by hand (tests of racing replicas).
    @Optional()
    @Inject(ENROLLMENTS_CONFIG)
    private readonly config: EnrollmentsConfig = DEFAULT_ENROLLMENTS_CONFIG,
  ) {}

  /** How often each replica looks for programs whose rank lists are due. */
  get intervalMs(): number {
    return this.config.RANK_LIST_FREEZE_INTERVAL_MS;
  }

  onApplicationBootstrap(): void {
    const tick = () =>
      void this.sweep().catch((error: Error) =>
        this.logger.warn(`rank-list freeze sweep failed: ${error.message}`),
      );
    tick();
    this.timer = setInterval(tick, this.intervalMs);
    this.timer.unref();
  }

  async onModuleDestroy(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    await this.running?.catch(() => undefined);
  }

  /** One sweep over every due program; resolves with the number of lists this call froze. */
  sweep(): Promise<number> {
    // One sweep at a time per process; another replica's sweep is harmless.
    this.running ??= runWithCorrelationId(newId(), () => this.sweepDue()).finally(() => {
      this.running = undefined;
    });
    return this.running;
  }

  private async sweepDue(): Promise<number> {
    const now = this.clock.now();
    let frozen = 0;
    for (const program of await this.deadlines.due(now))
      frozen += await this.freezeProgram(program, now);
    if (frozen > 0) this.logger.log(`froze ${frozen} rank list(s)`);
    return frozen;
  }

  private async freezeProgram(program: DueProgram, now: Date): Promise<number> {
    const context = tenantContext({ tenantId: program.tenantId });
    let frozen = 0;
    for (let pass = 0; pass < MAX_PASSES; pass++) {
      const batch = await this.enrollments.unfrozen(
        tenantFilter(context, { programId: program._id }),
        BATCH,
      );
      if (batch.length === 0) break;
      for (const doc of batch) if (await this.freeze(doc, now)) frozen++;
    }
    return frozen;
  }

  private async freeze(doc: EnrollmentRecord, frozenAt: Date): Promise<boolean> {
    const next: EnrollmentRecord = {
      ...doc,
      rankList: { ranks: doc.rankList?.ranks ?? [], ...doc.rankList, frozenAt },
      updatedAt: frozenAt,
      version: doc.version + 1,
    };
    const result = await this.enrollments.updateAtVersion(
      { tenantId: doc.tenantId, _id: doc._id },
      doc.version,
      {
        set: { 'rankList.frozenAt': frozenAt, updatedAt: frozenAt },
        where: EnrollmentRepository.UNFROZEN,
      },
      [rankListFrozenEvent(next, frozenAt)],
    );
    return result === 'updated';
  }
}
