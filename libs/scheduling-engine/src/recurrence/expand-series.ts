import { DateTime } from 'luxon';
import { RRule } from 'rrule';
import { ruleOptions, type SeriesPlan } from './series-plan';

/** One check-in of a series. */
export interface Occurrence {
  /** 0-based position in the whole series: a stable key for the check-in. */
  index: number;
  phaseIndex: number;
  /** Epoch ms. */
  start: number;
  end: number;
  /** Start on the anchor zone's wall clock, `yyyy-MM-ddTHH:mm:ss`: the RECURRENCE-ID value. */
  localStart: string;
}

export interface ExpandOptions {
  /** Occurrences starting before this instant (epoch ms). */
  until: number;
  /** Stop after this many occurrences (open-ended series). */
  limit?: number;
}

const MINUTE = 60_000;

/**
 * The occurrences of a plan, in order. rrule runs on floating dates (the anchor zone's wall
 * clock written into UTC fields) and luxon places each one with its own day's offset, so a
 * 17:00 check-in stays 17:00 local on both sides of a daylight-saving change, whatever the
 * process's own time zone.
 */
export const expandSeries = (plan: SeriesPlan, options: ExpandOptions): Occurrence[] => {
  const limit = options.limit ?? 1000;
  const out: Occurrence[] = [];
  for (const segment of plan.segments) {
    const start = DateTime.fromISO(segment.localStart, { zone: plan.timeZone });
    const rule = new RRule(ruleOptions(segment.every, plan.pattern, start, segment.count));
    let stopped = false;
    rule.all((date) => {
      const local = DateTime.fromObject(
        {
          year: date.getUTCFullYear(),
          month: date.getUTCMonth() + 1,
          day: date.getUTCDate(),
          hour: date.getUTCHours(),
          minute: date.getUTCMinutes(),
        },
        { zone: plan.timeZone },
      );
      const instant = local.toMillis();
      if (instant >= options.until || out.length >= limit) {
        stopped = true;
        return false;
      }
      out.push({
        index: out.length,
        phaseIndex: segment.phaseIndex,
        start: instant,
        end: instant + plan.durationMinutes * MINUTE,
        localStart: `${date.toISOString().slice(0, 19)}`,
      });
      return true;
    });
    if (stopped) break;
  }
  return out;
};
