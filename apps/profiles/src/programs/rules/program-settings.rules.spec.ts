import {
  DEFAULT_CADENCE,
  DEFAULT_KICKOFF_WINDOW_DAYS,
  DEFAULT_REMINDER_OFFSETS_MINUTES,
  DEFAULT_ROLES_OFFERED,
  DEFAULT_SCORING_WEIGHTS,
  emptyEligibility,
  type ProgramSettings,
} from '../program-settings';
import { publishIssues, settingsIssues } from './program-settings.rules';

const settings = (overrides: Partial<ProgramSettings> = {}): ProgramSettings => ({
  name: 'Residents to attendings',
  description: '',
  objectives: ['job-search'],
  customObjectives: [],
  kind: 'institutional',
  matchingMode: 'cohort',
  cycle: {
    enrollmentOpensAt: new Date('2026-01-01'),
    enrollmentClosesAt: new Date('2026-02-01'),
    matchDate: new Date('2026-02-15'),
  },
  rolesOffered: DEFAULT_ROLES_OFFERED,
  scoringWeights: DEFAULT_SCORING_WEIGHTS,
  eligibility: emptyEligibility(),
  requirements: { mentorTrainingCompleted: false },
  cadence: DEFAULT_CADENCE,
  kickoffWindowDays: DEFAULT_KICKOFF_WINDOW_DAYS,
  reminderOffsetsMinutes: DEFAULT_REMINDER_OFFSETS_MINUTES,
  ...overrides,
});

describe('program settings rules', () => {
  it('accepts complete, consistent settings', () => {
    expect(settingsIssues(settings())).toEqual([]);
    expect(publishIssues(settings())).toEqual([]);
  });

  it('ties free-text objectives to the custom objective', () => {
    expect(settingsIssues(settings({ objectives: ['custom'] })).map((i) => i.field)).toEqual([
      'customObjectives',
    ]);
    expect(
      settingsIssues(settings({ customObjectives: ['Grow a QI portfolio'] }))[0]?.message,
    ).toBe('needs custom among objectives');
    expect(
      settingsIssues(
        settings({ objectives: ['custom', 'skills'], customObjectives: ['Grow a QI portfolio'] }),
      ),
    ).toEqual([]);
  });

  it('needs a weight above zero', () => {
    const zero = Object.fromEntries(
      Object.keys(DEFAULT_SCORING_WEIGHTS).map((k) => [k, 0]),
    ) as ProgramSettings['scoringWeights'];
    expect(settingsIssues(settings({ scoringWeights: zero }))).toEqual([
      { field: 'scoringWeights', message: 'at least one factor must weigh more than 0' },
    ]);
    expect(settingsIssues(settings({ scoringWeights: { ...zero, language: 1 } }))).toEqual([]);
  });

  it('collects cycle and cadence issues together', () => {
    const issues = settingsIssues(
      settings({
        cycle: {
          enrollmentOpensAt: new Date('2026-02-01'),
          enrollmentClosesAt: new Date('2026-01-01'),
        },
        cadence: [{ every: 'quarter' }, { every: 'month' }],
      }),
    );
    expect(issues.map((i) => i.field)).toEqual(['cycle.enrollmentClosesAt', 'cadence[0]']);
  });

  it('lists what a draft lacks to be published', () => {
    expect(publishIssues(settings({ objectives: [], cycle: {} })).map((i) => i.field)).toEqual([
      'objectives',
      'cycle.enrollmentOpensAt',
      'cycle.enrollmentClosesAt',
      'cycle.matchDate',
    ]);
  });
});
