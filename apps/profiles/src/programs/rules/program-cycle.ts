import type { MatchingMode } from '@medmentor/contracts';
import type { ProgramCycle } from '../program-settings';
import type { SettingsIssue } from './settings-issue';

type CycleField = keyof ProgramCycle;

// Each pair: the later date must not come before the earlier one (`strict`: must be after).
const ORDER: readonly [earlier: CycleField, later: CycleField, strict: boolean][] = [
  ['enrollmentOpensAt', 'enrollmentClosesAt', true],
  ['enrollmentClosesAt', 'rankListsDueAt', false],
  ['enrollmentClosesAt', 'matchDate', false],
  ['rankListsDueAt', 'matchDate', false],
];

/**
 * The cycle's dates in order: enrollment opens < enrollment closes ≤ rank lists due ≤ match
 * date. Dates may be missing in a draft; only the ones present are compared.
 */
export const cycleIssues = (cycle: ProgramCycle, mode: MatchingMode): SettingsIssue[] => {
  const issues: SettingsIssue[] = [];
  for (const [earlier, later, strict] of ORDER) {
    const a = cycle[earlier];
    const b = cycle[later];
    if (a === undefined || b === undefined) continue;
    if (strict ? b.getTime() <= a.getTime() : b.getTime() < a.getTime()) {
      issues.push({
        field: `cycle.${later}`,
        message: `must be ${strict ? 'after' : 'on or after'} ${earlier}`,
      });
    }
  }
  if (cycle.rankListsDueAt !== undefined && mode !== 'national-ranked') {
    issues.push({
      field: 'cycle.rankListsDueAt',
      message: 'only national-ranked programs collect rank lists',
    });
  }
  return issues;
};

/** Dates a program needs before it can be published, given how it matches. */
export const missingCycleDates = (cycle: ProgramCycle, mode: MatchingMode): SettingsIssue[] => {
  const required: CycleField[] = ['enrollmentOpensAt', 'enrollmentClosesAt'];
  if (mode !== 'self-match') required.push('matchDate');
  if (mode === 'national-ranked') required.push('rankListsDueAt');
  return required
    .filter((field) => cycle[field] === undefined)
    .map((field) => ({
      field: `cycle.${field}`,
      message: `is required to publish a ${mode} program`,
    }));
};
