import { physicianSnapshotSchema } from '@medmentor/contracts';
import { physicianInputSchema } from './dto/physician-input.schema';
import { snapshotOf, type ActivePhysician } from './physician-snapshot';

const profile = (privacy?: { visibleToAdmins: string[]; visibleToMatches: string[] }) => {
  const input = physicianInputSchema.parse({
    givenName: 'Ana',
    familyName: 'García',
    email: 'ana.garcia@example.org',
    npi: '1234567893',
    phone: '+13125550100',
    bio: 'Hospitalist.',
    specialty: 'internal-medicine',
    careerStage: { stage: 'resident', pgy: 2 },
    timeZone: 'America/Chicago',
    ...(privacy && { privacy }),
  });
  return {
    ...input,
    _id: 'phy-1',
    tenantId: 'tenant-1',
    status: 'active',
    npiKey: '1234567893',
    version: 3,
  } as unknown as ActivePhysician;
};

describe('snapshotOf', () => {
  it('is a valid physician event payload without NPI, phone or bio', () => {
    const snapshot = snapshotOf(profile());
    expect(physicianSnapshotSchema.parse(snapshot)).toEqual(snapshot);
    expect(snapshot).toMatchObject({
      physicianId: 'phy-1',
      tenantId: 'tenant-1',
      displayName: 'Ana García',
      email: 'ana.garcia@example.org',
      version: 3,
    });
    expect(snapshot).not.toHaveProperty('npi');
    expect(JSON.stringify(snapshot)).not.toMatch(/3125550100|Hospitalist|1234567893/);
  });

  it('says whether the physician lets their matches see their email', () => {
    expect(snapshotOf(profile()).emailVisibleToMatches).toBe(false);
    expect(
      snapshotOf(profile({ visibleToAdmins: ['email'], visibleToMatches: ['phone'] }))
        .emailVisibleToMatches,
    ).toBe(false);
    expect(
      snapshotOf(profile({ visibleToAdmins: [], visibleToMatches: ['email', 'phone'] }))
        .emailVisibleToMatches,
    ).toBe(true);
  });
});
