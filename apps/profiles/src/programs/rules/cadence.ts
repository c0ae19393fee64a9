import type { CadencePhase } from '@medmentor/contracts';
import type { SettingsIssue } from './settings-issue';

// A cadence is an ordered list of phases, e.g. monthly for 6 meetings, then monthly while
// job searching, then quarterly. Pure: scheduling applies it, profiles validates it.

/**
 * A phase lasts `count` meetings, or while its condition holds, or (only the last) for
 * good; never both a count and a condition.
 */
export const cadenceIssues = (phases: readonly CadencePhase[]): SettingsIssue[] => {
  const issues: SettingsIssue[] = [];
  phases.forEach((phase, index) => {
    if (phase.count !== undefined && phase.while !== undefined) {
      issues.push({
        field: `cadence[${index}]`,
        message: 'a phase lasts either count meetings or while a condition holds, not both',
      });
    }
    if (phase.count === undefined && phase.while === undefined && index < phases.length - 1) {
      issues.push({
        field: `cadence[${index}]`,
        message: 'only the last phase may go on without a count or condition',
      });
    }
  });
  return issues;
};

export interface CadenceState {
  /** Meetings held so far in the relationship. */
  meetingsHeld: number;
  /** Whether the mentee is searching for a job now. */
  jobSearching: boolean;
}

/**
 * The phase that sets the next meeting's interval, or undefined once every phase is over.
 * Meetings held count towards count-bounded phases in order; a condition phase applies
 * while its condition holds and is skipped otherwise.
 */
export const cadencePhaseFor = (
  phases: readonly CadencePhase[],
  state: CadenceState,
): { index: number; phase: CadencePhase } | undefined => {
  let remaining = state.meetingsHeld;
  for (const [index, phase] of phases.entries()) {
    if (phase.count !== undefined) {
      if (remaining < phase.count) return { index, phase };
      remaining -= phase.count;
    } else if (phase.while === 'job-searching') {
      if (state.jobSearching) return { index, phase };
    } else {
      return { index, phase };
    }
  }
  return undefined;
};
