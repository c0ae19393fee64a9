// Who sees what of a profile: pure rules, no I/O.
import { hasRole, type Principal } from '@medmentor/auth';
import type { PhysicianAudience, PhysicianView } from './dto/physician-view.dto';
import { PRIVATE_FIELDS } from './dto/physician-input.schema';
import type { Physician } from './schemas/physician.schema';

type PrivateField = (typeof PRIVATE_FIELDS)[number];

/** What another physician of the tenant (a potential match) always sees. */
export const MATCH_FIELDS = [
  'id',
  'status',
  'givenName',
  'familyName',
  'specialty',
  'subspecialty',
  'careerStage',
  'interests',
  'languages',
  'institution',
] as const;

/** Roles that administer the physicians of their tenant. */
export const ADMIN_ROLES = ['platform-admin', 'org-admin', 'program-admin'] as const;

/** The physician themself first (even if also an admin), then admins, then everyone else. */
export const audienceOf = (principal: Principal, physicianId: string): PhysicianAudience => {
  if (principal.physicianId === physicianId) return 'self';
  if (hasRole(principal, ...ADMIN_ROLES)) return 'admin';
  return 'match';
};

/** Every stored field as the API names it. */
const fullView = (doc: Physician): PhysicianView => {
  const {
    _id,
    tenantId: _tenantId,
    npiKey: _npiKey,
    createdBy: _createdBy,
    erasedAt: _erasedAt,
    ...fields
  } = doc as Physician & {
    [key: string]: unknown;
  };
  const view = Object.fromEntries(
    Object.entries(fields).filter(([key, value]) => value !== undefined && !key.startsWith('_')),
  );
  return { ...view, id: _id, view: 'self' } as PhysicianView;
};

const pick = (view: PhysicianView, keys: readonly string[]): PhysicianView =>
  Object.fromEntries(Object.entries(view).filter(([key]) => keys.includes(key))) as PhysicianView;

/** The profile as `audience` may see it. */
export const projectPhysician = (doc: Physician, audience: PhysicianAudience): PhysicianView => {
  const full = fullView(doc);
  if (audience === 'self') return full;
  const privacy = doc.privacy ?? { visibleToAdmins: [], visibleToMatches: [] };
  if (audience === 'admin') {
    const hidden = PRIVATE_FIELDS.filter(
      (field: PrivateField) => !privacy.visibleToAdmins.includes(field),
    );
    const keys = Object.keys(full).filter((key) => !(hidden as readonly string[]).includes(key));
    return { ...pick(full, keys), view: 'admin' };
  }
  return { ...pick(full, [...MATCH_FIELDS, ...privacy.visibleToMatches]), view: 'match' };
};
