import type { ImportedProfileKey } from '../physicians/physician.service';

/** A profile as the import knows it; `pending` while a write for it waits in the current batch. */
export interface IndexedProfile extends ImportedProfileKey {
  pending: boolean;
}

/**
 * The tenant's profiles by natural key (NPI, email), loaded once per import and kept up to
 * date with the import's own writes, so rows are matched and compared without a query each.
 */
export class ImportKeyIndex {
  private readonly byEmail = new Map<string, IndexedProfile>();
  private readonly byNpi = new Map<string, IndexedProfile>();

  get size(): number {
    return this.byEmail.size;
  }

  put(profile: IndexedProfile): void {
    this.byEmail.set(profile.email, profile);
    if (profile.npi !== undefined) this.byNpi.set(profile.npi, profile);
  }

  /** Forgets a profile: the rows that name it again are then looked up in the database. */
  remove(profile: IndexedProfile): void {
    if (this.byEmail.get(profile.email) === profile) this.byEmail.delete(profile.email);
    if (profile.npi !== undefined && this.byNpi.get(profile.npi) === profile)
      this.byNpi.delete(profile.npi);
  }

  /** The profile a row describes: the one with its NPI, else the one with its email. */
  match(row: { email: string; npi?: string }): IndexedProfile | undefined {
    return (
      (row.npi !== undefined ? this.byNpi.get(row.npi) : undefined) ?? this.byEmail.get(row.email)
    );
  }

  /** True when a profile holding the row's email or NPI waits for a write in the current batch. */
  touchesPending(row: { email: string; npi?: string }): boolean {
    const npiHolder = row.npi !== undefined ? this.byNpi.get(row.npi) : undefined;
    return this.byEmail.get(row.email)?.pending === true || npiHolder?.pending === true;
  }

  /** Which key of the row another profile holds, for the rejection. */
  takenBy(row: { email: string; npi?: string }, self: IndexedProfile): 'email' | 'npi' | null {
    const byEmail = this.byEmail.get(row.email);
    if (byEmail !== undefined && byEmail !== self) return 'email';
    const byNpi = row.npi !== undefined ? this.byNpi.get(row.npi) : undefined;
    return byNpi !== undefined && byNpi !== self ? 'npi' : null;
  }

  /** Moves a profile to the keys and content of the write that was just stored. */
  update(profile: IndexedProfile, next: Omit<ImportedProfileKey, 'id'>): void {
    this.remove(profile);
    profile.email = next.email;
    if (next.npi === undefined) delete profile.npi;
    else profile.npi = next.npi;
    profile.version = next.version;
    profile.fingerprint = next.fingerprint;
    this.put(profile);
  }
}
