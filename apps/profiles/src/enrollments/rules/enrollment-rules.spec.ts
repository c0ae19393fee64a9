import type { EnrollmentPreferences } from '@medmentor/contracts';
import { emptyEligibility } from '../../programs/program-settings';
import {
  defaultCapacity,
  eligibilityIssues,
  termsIssues,
  type EnrollingPhysician,
  type EnrollmentTerms,
} from './enrollment-rules';

const noPreferences: EnrollmentPreferences = {
  externalMentorOnly: false,
  preferred: { specialties: [], languages: [], practiceSetting: {} },
  exclusions: [],
};

const physician: EnrollingPhysician = {
  physicianId: 'p-1',
  careerStage: 'mid-career',
  specialty: 'internal-medicine',
  subspecialty: 'internal-medicine.cardiovascular-disease',
  mentoringCapacity: 3,
  mentorTrainingCompleted: false,
};

const program = {
  rolesOffered: [
    { role: 'clinical' as const, perMentee: 1 },
    { role: 'peer' as const, perMentee: 1 },
  ],
  eligibility: emptyEligibility(),
  requirements: { mentorTrainingCompleted: false },
};

const terms = (overrides: Partial<EnrollmentTerms> = {}): EnrollmentTerms => ({
  side: 'mentee',
  roles: ['clinical'],
  preferences: noPreferences,
  ...overrides,
});

const fields = (issues: { field: string }[]) => issues.map((issue) => issue.field);

describe('enrollment terms', () => {
  it('accepts roles the program offers and names each one it does not', () => {
    expect(termsIssues(program, physician, terms())).toEqual([]);
    expect(
      fields(termsIssues(program, physician, terms({ roles: ['clinical', 'wellness', 'career'] }))),
    ).toEqual(['roles[1]', 'roles[2]']);
  });

  it('lets a peer enroll for the peer role only', () => {
    expect(termsIssues(program, physician, terms({ side: 'peer', roles: ['peer'] }))).toEqual([]);
    expect(
      fields(termsIssues(program, physician, terms({ side: 'peer', roles: ['clinical'] }))),
    ).toEqual(['roles']);
  });

  it('bounds a mentor capacity by the profile and refuses it for the other sides', () => {
    const mentor = (capacity?: number) =>
      terms({ side: 'mentor', ...(capacity !== undefined && { capacity }) });
    expect(termsIssues(program, physician, mentor(3))).toEqual([]);
    expect(termsIssues(program, physician, mentor(4))).toEqual([
      { field: 'capacity', message: "must not exceed the profile's mentoring capacity 3" },
    ]);
    expect(fields(termsIssues(program, physician, mentor()))).toEqual(['capacity']);
    expect(fields(termsIssues(program, physician, terms({ capacity: 1 })))).toEqual(['capacity']);
  });

  it('keeps externalMentorOnly for mentees and peers, and refuses excluding oneself', () => {
    const external = { ...noPreferences, externalMentorOnly: true };
    expect(termsIssues(program, physician, terms({ preferences: external }))).toEqual([]);
    expect(
      fields(
        termsIssues(
          program,
          physician,
          terms({ side: 'mentor', capacity: 1, preferences: external }),
        ),
      ),
    ).toEqual(['preferences.externalMentorOnly']);
    expect(
      fields(
        termsIssues(
          program,
          physician,
          terms({ preferences: { ...noPreferences, exclusions: ['p-2', 'p-1'] } }),
        ),
      ),
    ).toEqual(['preferences.exclusions[1]']);
  });

  it('defaults a mentor capacity to the whole profile capacity, when there is one', () => {
    expect(defaultCapacity('mentor', undefined, 3)).toBe(3);
    expect(defaultCapacity('mentor', 2, 3)).toBe(2);
    expect(defaultCapacity('mentor', undefined, 0)).toBeUndefined();
    expect(defaultCapacity('mentee', undefined, 3)).toBeUndefined();
  });
});

describe('eligibility for a side', () => {
  const strict = {
    eligibility: {
      mentees: { careerStages: ['resident' as const], specialties: [] },
      mentors: {
        careerStages: ['mid-career' as const, 'senior' as const],
        specialties: ['internal-medicine' as const],
      },
    },
    requirements: { mentorTrainingCompleted: true },
  };

  it('holds mentors to the mentor rules and the training requirement', () => {
    expect(eligibilityIssues(strict, physician, 'mentor')).toEqual([
      {
        field: 'physician.mentorTraining',
        message: 'the program requires mentors to have completed mentor training',
      },
    ]);
    expect(
      eligibilityIssues(strict, { ...physician, mentorTrainingCompleted: true }, 'mentor'),
    ).toEqual([]);
  });

  it('holds peers to the mentee rules', () => {
    expect(fields(eligibilityIssues(strict, physician, 'peer'))).toEqual(['physician.careerStage']);
    expect(eligibilityIssues(strict, { ...physician, careerStage: 'resident' }, 'peer')).toEqual(
      [],
    );
  });

  it('admits a subspecialist under the primary specialty and names a wrong one', () => {
    const surgeon = { ...physician, specialty: 'surgery' as const, mentorTrainingCompleted: true };
    const { subspecialty: _omit, ...noSub } = surgeon;
    expect(fields(eligibilityIssues(strict, noSub, 'mentor'))).toEqual(['physician.specialty']);
    expect(
      eligibilityIssues(strict, { ...physician, mentorTrainingCompleted: true }, 'mentor'),
    ).toEqual([]);
  });
});
