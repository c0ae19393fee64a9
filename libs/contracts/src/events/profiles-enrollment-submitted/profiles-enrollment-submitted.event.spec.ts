import { createEvent } from '../../codec/create-event';
import { decodeEvent } from '../../codec/decode-event';
import { Topics } from '../../topics';
import { profilesRankListFrozenSchema } from '../profiles-rank-list-frozen/profiles-rank-list-frozen.event';
import type { RankListSnapshot } from '../profiles-rank-list-submitted/profiles-rank-list-submitted.event';
import {
  enrollmentSnapshotSchema,
  type EnrollmentSnapshot,
} from './profiles-enrollment-submitted.event';

const enrollment: EnrollmentSnapshot = {
  enrollmentId: '0c6a3f52-6d0e-4d43-9d2b-3f5b0c1e9a11',
  tenantId: 'lakeside',
  programId: '4f1c1f8e-2b7a-4a53-9a52-0f4bb0a8e7a1',
  physicianId: '9b2d7c1a-1e3f-4a5b-8c6d-7e8f9a0b1c2d',
  side: 'mentee',
  roles: ['career', 'wellness'],
  topics: ['job-search', 'contract-negotiation'],
  preferences: {
    externalMentorOnly: true,
    preferred: {
      specialties: ['internal-medicine'],
      languages: ['es'],
      practiceSetting: { model: 'academic' },
    },
    exclusions: ['5a4b3c2d-1e0f-4a9b-8c7d-6e5f4a3b2c1d'],
  },
  status: 'active',
  submittedAt: '2026-09-03T14:00:00.000Z',
  version: 1,
};

const rankList: RankListSnapshot = {
  enrollmentId: enrollment.enrollmentId,
  tenantId: 'lakeside',
  programId: enrollment.programId,
  physicianId: enrollment.physicianId,
  side: 'mentee',
  ranks: ['mentor-enrollment-b', 'mentor-enrollment-a'],
  submittedAt: '2026-09-20T10:00:00.000Z',
  version: 3,
};

describe('enrollment and rank-list payloads', () => {
  it('travel on the enrollment topic keyed by the enrollment id', () => {
    for (const event of [
      createEvent('medmentor.profiles.enrollment.submitted', enrollment, {
        tenantId: 'lakeside',
        source: 'profiles',
      }),
      createEvent('medmentor.profiles.rank-list.submitted', rankList, {
        tenantId: 'lakeside',
        source: 'profiles',
      }),
    ]) {
      expect(event).toMatchObject({
        topic: Topics.ProfilesEnrollment,
        key: enrollment.enrollmentId,
      });
      expect(decodeEvent(Topics.ProfilesEnrollment, JSON.stringify(event.envelope))).toMatchObject({
        ok: true,
      });
    }
  });

  it('accepts only the shared vocabularies for roles and topics', () => {
    expect(enrollmentSnapshotSchema.safeParse({ ...enrollment, roles: ['coach'] }).success).toBe(
      false,
    );
    expect(enrollmentSnapshotSchema.safeParse({ ...enrollment, roles: [] }).success).toBe(false);
    expect(
      enrollmentSnapshotSchema.safeParse({ ...enrollment, topics: ['astrology'] }).success,
    ).toBe(false);
  });

  it('lets only mentees and mentors rank, and a frozen list says when it froze', () => {
    expect(
      profilesRankListFrozenSchema.safeParse({
        ...rankList,
        side: 'peer',
        frozenAt: rankList.submittedAt,
      }).success,
    ).toBe(false);
    expect(profilesRankListFrozenSchema.safeParse(rankList).success).toBe(false);
    expect(
      profilesRankListFrozenSchema.safeParse({ ...rankList, frozenAt: '2026-09-30T00:00:00.000Z' })
        .success,
    ).toBe(true);
  });
});
