import type { CadenceInterval, CadencePhase } from '@medmentor/contracts';

const DAY_MS = 86_400_000;

/** `at` moved on by one cadence interval (months in UTC calendar terms, clamped to month ends). */
export const addInterval = (at: Date, every: CadenceInterval): Date => {
  if (every === 'week') return new Date(at.getTime() + 7 * DAY_MS);
  if (every === 'two-weeks') return new Date(at.getTime() + 14 * DAY_MS);
  const months = every === 'month' ? 1 : 3;
  const next = new Date(at.getTime());
  const day = next.getUTCDate();
  next.setUTCDate(1);
  next.setUTCMonth(next.getUTCMonth() + months);
  const lastDay = new Date(Date.UTC(next.getUTCFullYear(), next.getUTCMonth() + 1, 0)).getUTCDate();
  next.setUTCDate(Math.min(day, lastDay));
  return next;
};

/**
 * When the program's cadence expects the check-ins of a relationship that started at `anchor`,
 * up to (not including) `until`: each phase's meetings one interval apart, the next phase
 * going on from the last meeting. A phase lasting `while` a condition holds (which analytics
 * cannot know) is taken as lasting, like the open-ended last phase.
 */
export const expectedCheckIns = (cadence: CadencePhase[], anchor: Date, until: Date): Date[] => {
  const due: Date[] = [];
  let at = anchor;
  for (const phase of cadence) {
    const bounded = phase.count !== undefined && phase.while === undefined;
    for (let held = 0; !bounded || held < (phase.count ?? 0); held += 1) {
      at = addInterval(at, phase.every);
      if (at.getTime() >= until.getTime()) return due;
      due.push(at);
    }
  }
  return due;
};
