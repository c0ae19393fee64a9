import { createEvent } from '../../codec/create-event';
import { decodeEvent } from '../../codec/decode-event';
import { Topics } from '../../topics';
import { programConfigSchema, type ProgramConfig } from './profiles-program-published.event';

const config: ProgramConfig = {
  programId: '4f1c1f8e-2b7a-4a53-9a52-0f4bb0a8e7a1',
  tenantId: 'lakeside',
  name: 'From residency to first attending job',
  kind: 'institutional',
  matchingMode: 'cohort',
  status: 'open',
  rolesOffered: [{ role: 'career', perMentee: 1 }],
  scoringWeights: {
    specialty: 0.5,
    careerStage: 0.5,
    interests: 0,
    goals: 0,
    practiceSetting: 0,
    geography: 0,
    language: 0,
    availability: 0,
  },
  eligibility: {
    mentees: { careerStages: ['resident'], specialties: ['internal-medicine'] },
    mentors: { careerStages: [], specialties: [] },
  },
  requirements: { mentorTrainingCompleted: true },
  cadence: [{ every: 'month', count: 6 }, { every: 'quarter' }],
  kickoffWindowDays: 14,
  reminderOffsetsMinutes: [1440],
  cycle: {
    enrollmentOpensAt: '2026-09-01T00:00:00.000Z',
    enrollmentClosesAt: '2026-09-30T00:00:00.000Z',
    matchDate: '2026-10-15T00:00:00.000Z',
  },
  version: 2,
};

describe('program configuration payload', () => {
  it('travels keyed by the program id and decodes on the program topic', () => {
    const event = createEvent('medmentor.profiles.program.published', config, {
      tenantId: 'lakeside',
      source: 'profiles',
    });
    expect(event).toMatchObject({ topic: Topics.ProfilesProgram, key: config.programId });
    const decoded = decodeEvent(Topics.ProfilesProgram, JSON.stringify(event.envelope));
    expect(decoded).toMatchObject({ ok: true, type: 'medmentor.profiles.program.published' });
  });

  it('names every scoring factor and uses the shared vocabulary', () => {
    const { language: _language, ...missingFactor } = config.scoringWeights;
    expect(
      programConfigSchema.safeParse({ ...config, scoringWeights: missingFactor }).success,
    ).toBe(false);
    expect(
      programConfigSchema.safeParse({ ...config, rolesOffered: [{ role: 'coach', perMentee: 1 }] })
        .success,
    ).toBe(false);
    expect(
      programConfigSchema.safeParse({
        ...config,
        eligibility: {
          ...config.eligibility,
          mentees: { careerStages: [], specialties: ['astrology'] },
        },
      }).success,
    ).toBe(false);
  });

  it('requires the enrollment dates a published program always has', () => {
    const { enrollmentClosesAt: _closes, ...cycle } = config.cycle;
    expect(programConfigSchema.safeParse({ ...config, cycle }).success).toBe(false);
  });
});
