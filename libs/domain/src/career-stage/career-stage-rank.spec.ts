import type { CareerStage } from './career-stage';
import { MAX_CAREER_STAGE_RANK, careerStageRank, stageGap } from './career-stage-rank';

const resident = (pgy: number): CareerStage => ({ stage: 'resident', pgy });

describe('careerStageRank', () => {
  it('orders the stages, residents by postgraduate year', () => {
    const ordered: CareerStage[] = [
      { stage: 'student' },
      ...[1, 2, 3, 4, 5, 6, 7].map(resident),
      { stage: 'fellow' },
      { stage: 'early-career', yearsInPractice: 2 },
      { stage: 'mid-career' },
      { stage: 'senior' },
    ];
    expect(ordered.map(careerStageRank)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]);
    expect(MAX_CAREER_STAGE_RANK).toBe(11);
  });

  it('ignores years in practice within a stage', () => {
    expect(careerStageRank({ stage: 'early-career', yearsInPractice: 0 })).toBe(
      careerStageRank({ stage: 'early-career', yearsInPractice: 5 }),
    );
  });
});

describe('stageGap', () => {
  it('is positive when the second stage is ahead, negative when behind, zero for peers', () => {
    expect(stageGap(resident(1), resident(3))).toBe(2);
    expect(stageGap({ stage: 'fellow' }, resident(3))).toBe(-5);
    expect(stageGap({ stage: 'early-career' }, { stage: 'early-career' })).toBe(0);
    expect(stageGap({ stage: 'student' }, { stage: 'senior' })).toBe(MAX_CAREER_STAGE_RANK);
  });

  it('is antisymmetric', () => {
    const a: CareerStage = { stage: 'mid-career' };
    const b = resident(4);
    expect(stageGap(a, b)).toBe(-stageGap(b, a));
  });
});
