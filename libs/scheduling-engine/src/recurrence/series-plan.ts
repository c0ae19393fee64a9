import { DateTime } from 'luxon';
import { RRule, type Weekday as RRuleWeekday } from 'rrule';
import { assertZone } from '../time/weekly-availability';
import type { CadenceConditions, CadenceEvery, CadencePhase } from './cadence';

/** One phase of a check-in series as an RFC 5545 rule anchored in a time zone. */
export interface SeriesSegment {
  phaseIndex: number;
  every: CadenceEvery;
  /** First occurrence on the anchor zone's wall clock, `yyyy-MM-ddTHH:mm:ss` (no offset). */
  localStart: string;
  /** Absent when the segment goes on until the relationship ends or its condition stops. */
  count?: number;
  /** `DTSTART;TZID=<zone>:<local>` and `RRULE:...` lines, as in an iCalendar VEVENT. */
  rrule: string;
}

export interface SeriesPlan {
  timeZone: string;
  /** The kickoff's weekday and its position in the month, which every phase keeps. */
  pattern: Pattern;
  durationMinutes: number;
  segments: SeriesSegment[];
  /**
   * Why planning stopped before the last phase: a `while` phase whose condition holds has
   * no known end; the rest is planned when it ends (see `planSeries` with `after`).
   */
  openCondition?: { phaseIndex: number; condition: NonNullable<CadencePhase['while']> };
}

export interface SeriesPlanInput {
  phases: readonly CadencePhase[];
  /** Zone the series is anchored in: occurrences keep their wall-clock time there. */
  timeZone: string;
  /** The meeting the series follows (the kickoff), epoch ms: its weekday and local time repeat. */
  after: number;
  durationMinutes: number;
  conditions: CadenceConditions;
  /** Phases before this index are over (re-planning after a condition ended). */
  fromPhase?: number;
}

const RRULE_DAYS: readonly RRuleWeekday[] = [
  RRule.MO,
  RRule.TU,
  RRule.WE,
  RRule.TH,
  RRule.FR,
  RRule.SA,
  RRule.SU,
];

/** Which weekday of its month a date is: 1..4, or -1 for a fifth (so "last" in every month). */
const weekdayPosition = (date: DateTime): number => {
  const nth = Math.ceil(date.day / 7);
  return nth >= 5 ? -1 : nth;
};

/** The `nth` (1..4 or -1 = last) `weekday` of the month of `month`, at `month`'s wall time. */
const nthWeekdayOfMonth = (month: DateTime, weekday: number, nth: number): DateTime => {
  if (nth > 0) {
    const first = month.set({ day: 1 });
    return first.plus({ days: ((weekday - first.weekday + 7) % 7) + (nth - 1) * 7 });
  }
  const last = month
    .endOf('month')
    .set({ hour: month.hour, minute: month.minute, second: 0, millisecond: 0 });
  return last.minus({ days: (last.weekday - weekday + 7) % 7 });
};

const MONTHS: Record<CadenceEvery, number> = { week: 0, 'two-weeks': 0, month: 1, quarter: 3 };
const WEEKS: Record<CadenceEvery, number> = { week: 1, 'two-weeks': 2, month: 0, quarter: 0 };

/**
 * The first check-in of a phase following a meeting at `previous` (wall clock of the anchor
 * zone): one interval later, on the same weekday (and, for monthly phases, the same
 * position of that weekday in its month: "the 2nd Tuesday"), at the same local time.
 */
export const nextPhaseStart = (
  previous: DateTime,
  every: CadenceEvery,
  pattern: Pattern,
): DateTime => {
  if (WEEKS[every] > 0) return previous.plus({ weeks: WEEKS[every] });
  return nthWeekdayOfMonth(
    previous.plus({ months: MONTHS[every] }).set({ day: 1 }),
    pattern.weekday,
    pattern.nth,
  );
};

/** The weekday (luxon: 1 = Monday) and its position in the month that the series keeps. */
export interface Pattern {
  weekday: number;
  nth: number;
}

/** rrule options for one phase; `dtstart` is floating: its UTC fields are the wall-clock time. */
export const ruleOptions = (
  every: CadenceEvery,
  pattern: Pattern,
  localStart: DateTime,
  count?: number,
) => {
  const day = RRULE_DAYS[pattern.weekday - 1];
  const weekly = WEEKS[every] > 0;
  return {
    freq: weekly ? RRule.WEEKLY : RRule.MONTHLY,
    interval: weekly ? WEEKS[every] : MONTHS[every],
    byweekday: [weekly ? day : day.nth(pattern.nth)],
    dtstart: new Date(
      Date.UTC(
        localStart.year,
        localStart.month - 1,
        localStart.day,
        localStart.hour,
        localStart.minute,
      ),
    ),
    ...(count !== undefined && { count }),
  };
};

const LOCAL_FORMAT = "yyyy-MM-dd'T'HH:mm:ss";

/** The last occurrence of a counted segment, on the anchor's wall clock. */
const lastOccurrence = (segment: SeriesSegment, pattern: Pattern, zone: string): DateTime => {
  const start = DateTime.fromISO(segment.localStart, { zone });
  const dates = new RRule(ruleOptions(segment.every, pattern, start, segment.count)).all();
  const last = dates[dates.length - 1];
  return DateTime.fromObject(
    {
      year: last.getUTCFullYear(),
      month: last.getUTCMonth() + 1,
      day: last.getUTCDate(),
      hour: last.getUTCHours(),
      minute: last.getUTCMinutes(),
    },
    { zone },
  );
};

/**
 * Turns cadence phases into RFC 5545 rules, one per phase, chained: each phase starts one of
 * its own intervals after the previous phase's last check-in (the kickoff for the first).
 * Counted phases get COUNT; the last phase without a count is open-ended. A `while` phase
 * is skipped when its condition does not hold; when it holds, it is open-ended and
 * planning stops there (`openCondition`) until the condition ends.
 */
export const planSeries = (input: SeriesPlanInput): SeriesPlan => {
  assertZone(input.timeZone);
  const zone = input.timeZone;
  const anchor = DateTime.fromMillis(input.after, { zone }).set({ second: 0, millisecond: 0 });
  const pattern: Pattern = { weekday: anchor.weekday, nth: weekdayPosition(anchor) };
  const plan: SeriesPlan = {
    timeZone: zone,
    pattern,
    durationMinutes: input.durationMinutes,
    segments: [],
  };
  let previous: DateTime = anchor;
  for (let index = input.fromPhase ?? 0; index < input.phases.length; index += 1) {
    const phase = input.phases[index];
    if (phase.while === 'job-searching' && !input.conditions.jobSearching) continue;
    const start = nextPhaseStart(previous, phase.every, pattern);
    const options = ruleOptions(phase.every, pattern, start, phase.count);
    const segment: SeriesSegment = {
      phaseIndex: index,
      every: phase.every,
      localStart: start.toFormat(LOCAL_FORMAT),
      ...(phase.count !== undefined && { count: phase.count }),
      rrule: RRule.optionsToString({ ...options, tzid: zone }),
    };
    plan.segments.push(segment);
    if (phase.count === undefined) {
      if (phase.while !== undefined)
        plan.openCondition = { phaseIndex: index, condition: phase.while };
      break;
    }
    previous = lastOccurrence(segment, pattern, zone);
  }
  return plan;
};
