import { Inject, Injectable, Logger } from '@nestjs/common';
import { expandSeries, type Interval } from '@medmentor/scheduling-engine';
import { CLOCK, type Clock } from '../config/clock';
import { SCHEDULING_CONFIG, type SchedulingConfig } from '../config/scheduling-config';
import { DirectoryService } from '../directory/directory.service';
import { MatchRepository } from './match.repository';
import { checkInId, MeetingFactory } from './meeting-factory.service';
import { MeetingRepository } from './meeting.repository';
import { PairCalendarService } from './pair-calendar.service';
import type { Match } from './schemas/match.schema';

const DAY = 86_400_000;
/** The horizon moves on once it is this much closer than `SCHEDULING_HORIZON_DAYS`. */
export const EXTENSION_STEP_DAYS = 7;
const BATCH = 100;

/**
 * Keeps `SCHEDULING_HORIZON_DAYS` of check-ins stored as time passes: the next occurrences
 * of each open series are materialised under their natural ids (`<match>:check-in:<n>`),
 * so two replicas, or a pass repeated after a crash, insert each occurrence once; the
 * match's horizon then moves on by a conditional update.
 */
@Injectable()
export class SeriesExtensionService {
  private readonly logger = new Logger(SeriesExtensionService.name);

  constructor(
    private readonly matches: MatchRepository,
    private readonly meetings: MeetingRepository,
    private readonly directory: DirectoryService,
    private readonly pairs: PairCalendarService,
    private readonly factory: MeetingFactory,
    @Inject(SCHEDULING_CONFIG) private readonly config: SchedulingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /** One sweep; returns how many matches had their horizon moved by this call. */
  async sweep(): Promise<number> {
    const now = this.clock.now().getTime();
    const due = new Date(now + (this.config.SCHEDULING_HORIZON_DAYS - EXTENSION_STEP_DAYS) * DAY);
    let extended = 0;
    for (const match of await this.matches.seriesDue(due, BATCH)) {
      if (await this.extend(match, now)) extended += 1;
    }
    return extended;
  }

  private async extend(match: Match, now: number): Promise<boolean> {
    const series = match.series;
    if (!series) return false;
    const from = new Date(series.horizon);
    const horizon = now + this.config.SCHEDULING_HORIZON_DAYS * DAY;
    const filter = { tenantId: match.tenantId, _id: match._id };
    const program = await this.directory.program(match.tenantId, match.programId);
    const stored = await this.meetings.ofMatch({ tenantId: match.tenantId, matchId: match._id });
    const known = new Set(stored.map((m) => m._id));
    const next = expandSeries(series, { until: horizon }).filter(
      (o) => !known.has(checkInId(match._id, o.index)),
    );
    if (next.length > 0 && program) {
      const first = Math.min(...next.map((o) => o.start));
      const calendar = await this.pairs.load(match, { start: first - DAY, end: horizon + DAY });
      if (calendar.ok) {
        const taken: Interval[] = [
          ...calendar.meetings,
          ...stored
            .filter((m) => m.status === 'scheduled')
            .map((m) => ({ start: m.start.getTime(), end: m.end.getTime() })),
        ];
        const templates = await this.factory.templatesOf(match);
        await this.meetings.insertNew(
          this.factory.checkIns(match, program, series, next, calendar, taken, templates, {}),
        );
      } else if (calendar.reason === 'availability-missing') {
        // Wait for the availability to come back rather than skip the pair's check-ins.
        return false;
      } else {
        // An erased physician: their meetings ahead were cancelled, none is added.
        this.logger.warn(`match ${match._id}: series not extended (${calendar.reason})`);
      }
    }
    return this.matches.advanceHorizon(filter, from, new Date(horizon));
  }
}
