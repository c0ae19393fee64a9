import { ImportKeyIndex, type IndexedProfile } from './import-key-index';

const profile = (id: string, email: string, npi?: string): IndexedProfile => ({
  id,
  email,
  ...(npi !== undefined && { npi }),
  version: 1,
  fingerprint: id,
  pending: false,
});

describe('ImportKeyIndex', () => {
  it('matches a row by NPI first, else by email, as the row-by-row import does', () => {
    const index = new ImportKeyIndex();
    const ana = profile('ana', 'ana@example.org', '1234567893');
    const bo = profile('bo', 'bo@example.org');
    index.put(ana);
    index.put(bo);
    expect(index.match({ email: 'bo@example.org', npi: '1234567893' })).toBe(ana);
    expect(index.match({ email: 'bo@example.org', npi: '1111111112' })).toBe(bo);
    expect(index.match({ email: 'cy@example.org' })).toBeUndefined();
    expect(index.takenBy({ email: 'bo@example.org', npi: '1234567893' }, ana)).toBe('email');
    expect(index.takenBy({ email: 'ana@example.org', npi: '1234567893' }, ana)).toBeNull();
  });

  it('follows a profile to its new keys and forgets the old ones', () => {
    const index = new ImportKeyIndex();
    const ana = profile('ana', 'ana@example.org', '1234567893');
    index.put(ana);
    index.update(ana, { email: 'ana@new.example.org', version: 2, fingerprint: 'x' });
    expect(index.match({ email: 'ana@example.org', npi: '1234567893' })).toBeUndefined();
    expect(index.match({ email: 'ana@new.example.org' })).toMatchObject({ id: 'ana', version: 2 });
    index.remove(ana);
    expect(index.size).toBe(0);
  });

  it('tells when a row names a profile that waits in the current batch', () => {
    const index = new ImportKeyIndex();
    const ana = profile('ana', 'ana@example.org', '1234567893');
    index.put(ana);
    expect(index.touchesPending({ email: 'x@example.org', npi: '1234567893' })).toBe(false);
    ana.pending = true;
    expect(index.touchesPending({ email: 'x@example.org', npi: '1234567893' })).toBe(true);
    expect(index.touchesPending({ email: 'ana@example.org' })).toBe(true);
    expect(index.touchesPending({ email: 'x@example.org' })).toBe(false);
  });
});
