import type { Principal } from './identity';
import { canActAsPhysician, hasRole, isAdminOf } from './role-helpers';
import type { Role } from './roles';

const principal = (roles: Role[], extra: Partial<Principal> = {}): Principal => ({
  subject: 's',
  roles,
  tenantId: 't1',
  tenantSource: 'token',
  ...extra,
});

describe('role helpers', () => {
  it('hasRole is true for any one of the roles', () => {
    expect(hasRole(principal(['mentor']), 'mentee', 'mentor')).toBe(true);
    expect(hasRole(principal(['mentor']), 'org-admin')).toBe(false);
  });

  it('isAdminOf: org-admin of its own tenant, platform-admin of every tenant', () => {
    expect(isAdminOf(principal(['org-admin']), 't1')).toBe(true);
    expect(isAdminOf(principal(['org-admin']), 't2')).toBe(false);
    expect(isAdminOf(principal(['program-admin']), 't1')).toBe(false);
    expect(
      isAdminOf(principal(['platform-admin'], { tenantId: 't9', tenantSource: 'header' }), 't2'),
    ).toBe(true);
  });

  it('canActAsPhysician: the physician themself or an admin of the tenant', () => {
    expect(canActAsPhysician(principal(['mentor'], { physicianId: 'p1' }), 'p1')).toBe(true);
    expect(canActAsPhysician(principal(['mentor'], { physicianId: 'p1' }), 'p2')).toBe(false);
    expect(canActAsPhysician(principal(['mentee']), 'p1')).toBe(false);
    expect(canActAsPhysician(principal(['org-admin']), 'p2')).toBe(true);
    expect(canActAsPhysician(principal(['program-admin']), 'p2')).toBe(false);
  });
});
