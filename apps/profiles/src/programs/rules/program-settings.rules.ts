import { SCORING_FACTORS } from '@medmentor/contracts';
import type { ProgramSettings } from '../program-settings';
import { cadenceIssues } from './cadence';
import { cycleIssues, missingCycleDates } from './program-cycle';
import type { SettingsIssue } from './settings-issue';

/**
 * Rules across fields, checked on the whole settings after every create and change (a
 * change replaces fields one by one, so only the merged result can be judged).
 */
export const settingsIssues = (settings: ProgramSettings): SettingsIssue[] => {
  const issues = [
    ...cycleIssues(settings.cycle, settings.matchingMode),
    ...cadenceIssues(settings.cadence),
  ];
  const custom = settings.objectives.includes('custom');
  if (custom && settings.customObjectives.length === 0) {
    issues.push({
      field: 'customObjectives',
      message: 'must name at least one objective when objectives include custom',
    });
  }
  if (!custom && settings.customObjectives.length > 0) {
    issues.push({ field: 'customObjectives', message: 'needs custom among objectives' });
  }
  if (SCORING_FACTORS.every((factor) => settings.scoringWeights[factor] === 0)) {
    issues.push({ field: 'scoringWeights', message: 'at least one factor must weigh more than 0' });
  }
  return issues;
};

/** What a program lacks before it can be published (and must keep once it is). */
export const publishIssues = (settings: ProgramSettings): SettingsIssue[] => [
  ...(settings.objectives.length === 0
    ? [{ field: 'objectives', message: 'at least one objective is required to publish' }]
    : []),
  ...missingCycleDates(settings.cycle, settings.matchingMode),
];
