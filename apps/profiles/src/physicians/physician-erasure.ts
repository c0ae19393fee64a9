// What erasure leaves of a profile: pure, so the rule is tested without a database.
import type { Physician } from './schemas/physician.schema';

/** The only fields an erased profile keeps (besides the outbox the relay still needs). */
export const KEPT_ON_ERASURE = [
  '_id',
  'tenantId',
  'status',
  'erasedAt',
  'email',
  'npiKey',
] as const;

/** Every other stored field of a profile: each is removed by the erasure update. */
export const ERASED_FIELDS = [
  'givenName',
  'familyName',
  'phone',
  'npi',
  'specialty',
  'subspecialty',
  'careerStage',
  'hospitalId',
  'institution',
  'department',
  'location',
  'timeZone',
  'languages',
  'interests',
  'goals',
  'practiceSetting',
  'bio',
  'availability',
  'mentoringCapacity',
  'takingBreak',
  'mentorTraining',
  'reportingLine',
  'privacy',
  'version',
  'createdBy',
  'createdAt',
  'updatedAt',
] as const satisfies readonly (keyof Physician)[];

/** The key that frees the email and NPI of an erased profile for a new registration. */
export const erasedKey = (physicianId: string): string => `erased:${physicianId}`;

/** One update that anonymises the profile: `$set` of the tombstone, `$unset` of everything personal. */
export const erasureUpdate = (physicianId: string, erasedAt: Date) => ({
  $set: {
    status: 'erased' as const,
    erasedAt,
    email: erasedKey(physicianId),
    npiKey: erasedKey(physicianId),
  },
  $unset: Object.fromEntries(ERASED_FIELDS.map((field) => [field, ''])) as Record<
    (typeof ERASED_FIELDS)[number],
    ''
  >,
});

/** The document an erasure leaves, for tests and for callers that know the previous state. */
export const applyErasure = (doc: Physician, erasedAt: Date): Physician => {
  const update = erasureUpdate(doc._id, erasedAt);
  const kept = Object.fromEntries(
    Object.entries(doc).filter(([key]) => !(ERASED_FIELDS as readonly string[]).includes(key)),
  );
  return { ...kept, ...update.$set } as Physician;
};
