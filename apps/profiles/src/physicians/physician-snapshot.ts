import type { PhysicianSnapshot } from '@medmentor/contracts';
import type { Physician } from './schemas/physician.schema';

/** An active physician: the fields every profile has. */
export type ActivePhysician = Physician &
  Required<
    Pick<
      Physician,
      | 'givenName'
      | 'familyName'
      | 'specialty'
      | 'careerStage'
      | 'timeZone'
      | 'languages'
      | 'interests'
      | 'availability'
      | 'practiceSetting'
      | 'mentoringCapacity'
      | 'takingBreak'
      | 'mentorTraining'
      | 'reportingLine'
      | 'version'
    >
  >;

/** What the physician events carry: what other services need, never NPI, phone, bio or goals. */
export const snapshotOf = (doc: ActivePhysician): PhysicianSnapshot => ({
  physicianId: doc._id,
  tenantId: doc.tenantId,
  displayName: `${doc.givenName} ${doc.familyName}`,
  email: doc.email,
  emailVisibleToMatches: doc.privacy?.visibleToMatches?.includes('email') ?? false,
  timeZone: doc.timeZone,
  languages: doc.languages,
  availability: doc.availability,
  specialty: doc.specialty,
  ...(doc.subspecialty !== undefined && { subspecialty: doc.subspecialty }),
  careerStage: doc.careerStage,
  interests: doc.interests,
  practiceSetting: doc.practiceSetting,
  mentoringCapacity: doc.mentoringCapacity,
  takingBreak: doc.takingBreak,
  mentorTraining: doc.mentorTraining,
  ...(doc.hospitalId !== undefined && { hospitalId: doc.hospitalId }),
  ...(doc.institution !== undefined && { institution: doc.institution }),
  reportingLine: doc.reportingLine,
  ...(doc.location?.country !== undefined && { country: doc.location.country }),
  ...(doc.location?.region !== undefined && { region: doc.location.region }),
  version: doc.version,
});
