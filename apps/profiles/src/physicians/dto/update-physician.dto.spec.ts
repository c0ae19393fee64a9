import { updatePhysicianSchema } from './update-physician.dto';

describe('updatePhysicianSchema', () => {
  it('fills no defaults, so a missing field keeps its stored value', () => {
    expect(updatePhysicianSchema.parse({ version: 1, bio: 'New' })).toEqual({
      version: 1,
      bio: 'New',
    });
  });

  it('accepts null to clear an optional field, but not a required one', () => {
    expect(updatePhysicianSchema.parse({ version: 1, phone: null })).toEqual({
      version: 1,
      phone: null,
    });
    expect(updatePhysicianSchema.safeParse({ version: 1, email: null }).success).toBe(false);
  });

  it('needs a version and a change, and refuses unknown keys', () => {
    expect(updatePhysicianSchema.safeParse({ bio: 'x' }).success).toBe(false);
    expect(updatePhysicianSchema.safeParse({ version: 1 }).success).toBe(false);
    expect(updatePhysicianSchema.safeParse({ version: 1, status: 'erased' }).success).toBe(false);
  });
});
