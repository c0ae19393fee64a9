import { ENROLLMENT_ROLES, enrollmentRoleSchema } from './enrollment-role';
import { INTERESTS, interestSchema } from './interest';
import { isLanguageCode, languageSchema } from './language';
import { MENTORSHIP_ROLES, mentorshipRoleSchema } from './mentorship-role';
import { MENTORING_TOPICS, mentoringTopicSchema } from './mentoring-topic';
import {
  PRACTICE_SETTINGS,
  practiceCareSchema,
  practiceGeographySchema,
  practiceModelSchema,
  practiceSettingSchema,
} from './practice-setting';
import { PROGRAM_OBJECTIVES, programObjectiveSchema } from './program-objective';

const KEBAB = /^[a-z]+(?:-[a-z]+)*$/;

describe('closed vocabularies', () => {
  const lists = {
    MENTORSHIP_ROLES: [MENTORSHIP_ROLES, mentorshipRoleSchema],
    INTERESTS: [INTERESTS, interestSchema],
    PROGRAM_OBJECTIVES: [PROGRAM_OBJECTIVES, programObjectiveSchema],
    ENROLLMENT_ROLES: [ENROLLMENT_ROLES, enrollmentRoleSchema],
    MENTORING_TOPICS: [MENTORING_TOPICS, mentoringTopicSchema],
    'PRACTICE_SETTINGS.model': [PRACTICE_SETTINGS.model, practiceModelSchema],
    'PRACTICE_SETTINGS.geography': [PRACTICE_SETTINGS.geography, practiceGeographySchema],
    'PRACTICE_SETTINGS.care': [PRACTICE_SETTINGS.care, practiceCareSchema],
  } as const;

  it.each(Object.entries(lists))(
    '%s: kebab-case, unique, each value parses',
    (_name, [values, schema]) => {
      expect(new Set(values).size).toBe(values.length);
      for (const value of values) {
        expect(value).toMatch(KEBAB);
        expect(schema.parse(value)).toBe(value);
      }
    },
  );

  it.each(Object.entries(lists))(
    '%s: rejects unknown values and other cases',
    (_name, [, schema]) => {
      expect(schema.safeParse('something-else').success).toBe(false);
      expect(schema.safeParse('').success).toBe(false);
      expect(schema.safeParse(undefined).success).toBe(false);
    },
  );

  it('holds the values the product names', () => {
    expect(MENTORSHIP_ROLES).toEqual(['clinical', 'career', 'wellness', 'peer']);
    expect(ENROLLMENT_ROLES).toEqual(['mentee', 'mentor', 'peer']);
    expect(PROGRAM_OBJECTIVES).toEqual([
      'skills',
      'leadership',
      'retention',
      'onboarding',
      'job-search',
      'custom',
    ]);
    expect(INTERESTS).toHaveLength(12);
    expect(INTERESTS).toContain('quality-improvement-patient-safety');
  });
});

describe('practiceSettingSchema', () => {
  it('takes any subset of the three axes', () => {
    expect(practiceSettingSchema.parse({})).toEqual({});
    const full = { model: 'academic', geography: 'rural', care: 'mixed' };
    expect(practiceSettingSchema.parse(full)).toEqual(full);
  });

  it('names the axis that is wrong and refuses unknown axes', () => {
    const result = practiceSettingSchema.safeParse({ model: 'private' });
    expect(result.error?.issues[0]?.path).toEqual(['model']);
    expect(practiceSettingSchema.safeParse({ setting: 'urban' }).success).toBe(false);
  });
});

describe('languageSchema', () => {
  it.each(['en', 'es', 'zh', 'fil', 'yue', 'ase'])('accepts %s', (code) => {
    expect(languageSchema.parse(code)).toBe(code);
    expect(isLanguageCode(code)).toBe(true);
  });

  it.each(['EN', 'e', 'engl', 'en-US', 'zh-Hant', 'en_US', '12', '', ' en'])(
    'rejects %j',
    (code) => {
      expect(languageSchema.safeParse(code).success).toBe(false);
      expect(isLanguageCode(code)).toBe(false);
    },
  );
});
