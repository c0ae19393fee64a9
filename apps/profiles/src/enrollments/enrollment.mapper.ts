import {
  createEvent,
  type EnrollmentSnapshot,
  type OutgoingEvent,
  type RankListSnapshot,
} from '@medmentor/contracts';
import { getCorrelationId } from '@medmentor/platform';
import type { Physician } from '../physicians/schemas/physician.schema';
import type { EnrollmentView } from './dto/enrollment-view.dto';
import type { EnrollmentListFilter, EnrollmentRecord } from './enrollment.repository';
import type { ProfileFacts } from './schemas/enrollment.schema';

export const toEnrollmentView = (doc: EnrollmentRecord): EnrollmentView => ({
  id: doc._id,
  tenantId: doc.tenantId,
  programId: doc.programId,
  physicianId: doc.physicianId,
  side: doc.side,
  roles: doc.roles,
  topics: doc.topics,
  preferences: doc.preferences,
  ...(doc.capacity !== undefined && { capacity: doc.capacity }),
  status: doc.status,
  ...(doc.rankList !== undefined && {
    rankList: {
      ranks: doc.rankList.ranks,
      ...(doc.rankList.submittedAt && { submittedAt: doc.rankList.submittedAt.toISOString() }),
      ...(doc.rankList.frozenAt && { frozenAt: doc.rankList.frozenAt.toISOString() }),
    },
  }),
  version: doc.version,
  createdAt: doc.createdAt.toISOString(),
  updatedAt: doc.updatedAt.toISOString(),
  ...(doc.withdrawnAt && { withdrawnAt: doc.withdrawnAt.toISOString() }),
});

/** The profile facts enrollment search filters on (the same the physician events carry). */
export const profileFactsOf = (
  doc: Pick<
    Physician,
    'specialty' | 'subspecialty' | 'careerStage' | 'interests' | 'languages' | 'location'
  >,
  version: number,
): ProfileFacts => ({
  specialty: doc.specialty ?? '',
  ...(doc.subspecialty !== undefined && { subspecialty: doc.subspecialty }),
  careerStage: doc.careerStage?.stage ?? 'student',
  interests: doc.interests ?? [],
  languages: doc.languages ?? [],
  ...(doc.location?.country !== undefined && { country: doc.location.country }),
  ...(doc.location?.region !== undefined && { region: doc.location.region }),
  version,
});

/** What an enrollment search asks of the physician's profile facts. */
export interface ProfileFactsQuery {
  /** The specialty or the subspecialty. */
  specialty?: string;
  stage?: string;
  interest?: string;
  language?: string;
  country?: string;
  region?: string;
}

/** The conditions on the copied profile facts that a search's filters make. */
export const profileFactsFilter = (
  query: ProfileFactsQuery,
): Pick<
  EnrollmentListFilter,
  | '$or'
  | 'profile.careerStage'
  | 'profile.interests'
  | 'profile.languages'
  | 'profile.country'
  | 'profile.region'
> => ({
  ...(query.specialty && {
    $or: [{ 'profile.specialty': query.specialty }, { 'profile.subspecialty': query.specialty }],
  }),
  ...(query.stage && { 'profile.careerStage': query.stage }),
  ...(query.interest && { 'profile.interests': query.interest }),
  ...(query.language && { 'profile.languages': query.language }),
  ...(query.country && { 'profile.country': query.country }),
  ...(query.region && { 'profile.region': query.region }),
});

const meta = (doc: EnrollmentRecord, time: Date) => ({
  tenantId: doc.tenantId,
  source: 'profiles',
  correlationId: getCorrelationId(),
  time,
});

const snapshotOf = (doc: EnrollmentRecord): EnrollmentSnapshot => ({
  enrollmentId: doc._id,
  tenantId: doc.tenantId,
  programId: doc.programId,
  physicianId: doc.physicianId,
  side: doc.side,
  roles: doc.roles,
  topics: doc.topics,
  preferences: doc.preferences,
  ...(doc.capacity !== undefined && { capacity: doc.capacity }),
  status: doc.status,
  submittedAt: doc.createdAt.toISOString(),
  version: doc.version,
});

/** `submitted` for a new enrollment, `updated` for a change: the whole snapshot. */
export const enrollmentEvent = (
  type: 'medmentor.profiles.enrollment.submitted' | 'medmentor.profiles.enrollment.updated',
  doc: EnrollmentRecord,
): OutgoingEvent => createEvent(type, snapshotOf(doc), meta(doc, doc.updatedAt));

export const withdrawnEvent = (doc: EnrollmentRecord, withdrawnAt: Date): OutgoingEvent =>
  createEvent(
    'medmentor.profiles.enrollment.withdrawn',
    {
      enrollmentId: doc._id,
      tenantId: doc.tenantId,
      programId: doc.programId,
      physicianId: doc.physicianId,
      side: doc.side,
      withdrawnAt: withdrawnAt.toISOString(),
      version: doc.version,
    },
    meta(doc, withdrawnAt),
  );

const rankListOf = (doc: EnrollmentRecord): RankListSnapshot => ({
  enrollmentId: doc._id,
  tenantId: doc.tenantId,
  programId: doc.programId,
  physicianId: doc.physicianId,
  side: doc.side === 'mentor' ? 'mentor' : 'mentee',
  ranks: doc.rankList?.ranks ?? [],
  // A list never edited was "submitted" empty when the physician enrolled.
  submittedAt: (doc.rankList?.submittedAt ?? doc.createdAt).toISOString(),
  version: doc.version,
});

export const rankListSubmittedEvent = (doc: EnrollmentRecord): OutgoingEvent =>
  createEvent('medmentor.profiles.rank-list.submitted', rankListOf(doc), meta(doc, doc.updatedAt));

export const rankListFrozenEvent = (doc: EnrollmentRecord, frozenAt: Date): OutgoingEvent =>
  createEvent(
    'medmentor.profiles.rank-list.frozen',
    { ...rankListOf(doc), frozenAt: frozenAt.toISOString() },
    meta(doc, frozenAt),
  );
