import { physicianDirectoryAccess } from './participant-access';

const ranked = { matchingMode: 'national-ranked' as const };

describe('physicianDirectoryAccess', () => {
  it('shows a mentee the mentors and a mentor the mentees, by default or when asked', () => {
    expect(physicianDirectoryAccess(ranked, { side: 'mentee' }, undefined)).toEqual({
      allowed: true,
      side: 'mentor',
    });
    expect(physicianDirectoryAccess(ranked, { side: 'mentee' }, 'mentor')).toEqual({
      allowed: true,
      side: 'mentor',
    });
    expect(physicianDirectoryAccess(ranked, { side: 'mentor' }, undefined)).toEqual({
      allowed: true,
      side: 'mentee',
    });
  });

  it('refuses the own side and peers, naming the side asked for', () => {
    expect(physicianDirectoryAccess(ranked, { side: 'mentee' }, 'mentee')).toMatchObject({
      allowed: false,
      field: 'side',
    });
    expect(physicianDirectoryAccess(ranked, { side: 'mentor' }, 'peer')).toMatchObject({
      allowed: false,
      field: 'side',
    });
    expect(physicianDirectoryAccess(ranked, { side: 'peer' }, undefined)).toMatchObject({
      allowed: false,
      field: 'programId',
    });
  });

  it('refuses physicians without an active enrollment, and programs without rank lists', () => {
    expect(physicianDirectoryAccess(ranked, null, 'mentor')).toMatchObject({
      allowed: false,
      field: 'programId',
    });
    for (const matchingMode of ['cohort', 'self-match'] as const)
      expect(
        physicianDirectoryAccess({ matchingMode }, { side: 'mentee' }, undefined),
      ).toMatchObject({ allowed: false, field: 'programId' });
  });
});
