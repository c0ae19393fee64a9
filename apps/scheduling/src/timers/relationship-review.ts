import { DateTime } from 'luxon';
import type { Milestone, RelationshipHealth } from '@medmentor/contracts';
import type { CadenceEvery, CadencePhase } from '@medmentor/scheduling-engine';

const DAY = 86_400_000;
const INTERVAL_DAYS: Record<CadenceEvery, number> = {
  week: 7,
  'two-weeks': 14,
  month: 31,
  quarter: 92,
};
/** Check-ins completed that are celebrated. */
export const CHECK_IN_MILESTONES = [5, 10, 20] as const;

export interface ReviewInput {
  activatedAt: Date;
  kickoffWindowDays: number;
  cadence: readonly CadencePhase[];
  graceDays: number;
  /** Start times of completed meetings (kickoff included). */
  held: readonly Date[];
  completedCheckIns: number;
  actionItems: { total: number; done: number };
  reached: readonly string[];
  overdueFor?: Date;
  now: Date;
}

export interface ReviewOutcome {
  health: RelationshipHealth;
  /** Set when a check-in became overdue and was not announced for this due date. */
  overdue?: { dueBy: Date; lastCompletedAt?: Date };
  milestones: { milestone: Milestone; count?: number; key: string }[];
  reviewAt: Date;
}

/** The interval of the phase the next check-in belongs to (`while` phases are skipped: see README). */
const currentInterval = (cadence: readonly CadencePhase[], completedCheckIns: number): number => {
  let remaining = completedCheckIns;
  for (const phase of cadence) {
    if (phase.while) continue;
    if (phase.count === undefined || remaining < phase.count)
      return INTERVAL_DAYS[phase.every] * DAY;
    remaining -= phase.count;
  }
  const last = cadence[cadence.length - 1];
  return INTERVAL_DAYS[last?.every ?? 'month'] * DAY;
};

/**
 * Health, overdue check-in and milestones of one relationship at `now`. A check-in is due
 * one cadence interval after the last meeting held (the kickoff window after activation
 * when none was held) and overdue after the grace period; a relationship is inactive one
 * more interval later.
 */
export const reviewRelationship = (input: ReviewInput): ReviewOutcome => {
  const now = input.now.getTime();
  const interval = currentInterval(input.cadence, input.completedCheckIns);
  const last = input.held.length ? Math.max(...input.held.map((d) => d.getTime())) : undefined;
  const dueBy =
    (last === undefined
      ? input.activatedAt.getTime() + input.kickoffWindowDays * DAY
      : last + interval) +
    input.graceDays * DAY;
  const inactiveAt = dueBy + interval;
  const health: RelationshipHealth =
    now <= dueBy ? 'on-track' : now <= inactiveAt ? 'needs-check-in' : 'inactive';
  const overdue =
    now > dueBy && input.overdueFor?.getTime() !== dueBy
      ? { dueBy: new Date(dueBy), ...(last !== undefined && { lastCompletedAt: new Date(last) }) }
      : undefined;
  const sixMonths = DateTime.fromJSDate(input.activatedAt).plus({ months: 6 }).toMillis();
  const candidates: ReviewOutcome['milestones'] = [];
  if (input.held.length > 0)
    candidates.push({ milestone: 'first-meeting-held', key: 'first-meeting-held' });
  if (now >= sixMonths)
    candidates.push({ milestone: 'six-months-active', key: 'six-months-active' });
  for (const count of CHECK_IN_MILESTONES) {
    if (input.completedCheckIns >= count)
      candidates.push({
        milestone: 'check-ins-completed',
        count,
        key: `check-ins-completed:${count}`,
      });
  }
  if (input.actionItems.total > 0 && input.actionItems.done === input.actionItems.total) {
    candidates.push({
      milestone: 'all-action-items-done',
      key: `all-action-items-done:${input.actionItems.total}`,
    });
  }
  const milestones = candidates.filter((c) => !input.reached.includes(c.key));
  const upcoming = [dueBy, inactiveAt, sixMonths].filter((t) => t > now);
  return {
    health,
    ...(overdue && { overdue }),
    milestones,
    reviewAt: new Date(upcoming.length ? Math.min(...upcoming) + 1000 : now + DAY),
  };
};
