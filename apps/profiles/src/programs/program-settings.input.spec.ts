import { cycleFrom, weightsFrom } from './program-settings.input';

describe('program settings from input', () => {
  it('weighs factors left out as 0', () => {
    expect(weightsFrom({ specialty: 1, language: 0.25 })).toEqual({
      specialty: 1,
      careerStage: 0,
      interests: 0,
      goals: 0,
      practiceSetting: 0,
      geography: 0,
      language: 0.25,
      availability: 0,
    });
  });

  it('reads cycle dates with their offsets and leaves absent ones out', () => {
    expect(
      cycleFrom({ enrollmentOpensAt: '2026-03-01T08:00:00-05:00', matchDate: undefined }),
    ).toEqual({
      enrollmentOpensAt: new Date('2026-03-01T13:00:00Z'),
    });
  });
});
