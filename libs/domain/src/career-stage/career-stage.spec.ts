import { CAREER_STAGES, careerStageNameSchema, careerStageSchema } from './career-stage';

describe('careerStageSchema', () => {
  it.each([
    { stage: 'student' },
    { stage: 'resident', pgy: 1 },
    { stage: 'resident', pgy: 7 },
    { stage: 'fellow' },
    { stage: 'early-career' },
    { stage: 'early-career', yearsInPractice: 0 },
    { stage: 'early-career', yearsInPractice: 5 },
    { stage: 'mid-career', yearsInPractice: 12 },
    { stage: 'senior' },
    { stage: 'senior', yearsInPractice: 30 },
  ])('accepts %j', (value) => {
    expect(careerStageSchema.parse(value)).toEqual(value);
  });

  it.each([
    [{ stage: 'resident' }, ['pgy']],
    [{ stage: 'resident', pgy: 0 }, ['pgy']],
    [{ stage: 'resident', pgy: 8 }, ['pgy']],
    [{ stage: 'resident', pgy: 2.5 }, ['pgy']],
    [{ stage: 'early-career', yearsInPractice: 6 }, ['yearsInPractice']],
    [{ stage: 'early-career', yearsInPractice: -1 }, ['yearsInPractice']],
    [{ stage: 'mid-career', yearsInPractice: 3 }, ['yearsInPractice']],
    [{ stage: 'student', pgy: 1 }, []],
    [{ stage: 'attending' }, ['stage']],
  ])('rejects %j at %j', (value, path) => {
    const result = careerStageSchema.safeParse(value);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(path);
  });

  it('lists the stages in career order', () => {
    expect(CAREER_STAGES).toEqual([
      'student',
      'resident',
      'fellow',
      'early-career',
      'mid-career',
      'senior',
    ]);
    expect(careerStageNameSchema.parse('fellow')).toBe('fellow');
    expect(careerStageNameSchema.safeParse('intern').success).toBe(false);
  });
});
