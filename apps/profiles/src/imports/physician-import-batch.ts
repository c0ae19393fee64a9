import type { Principal } from '@medmentor/auth';
import type { PhysicianInput } from '../physicians/dto/physician-input.schema';
import { PhysicianConflictError } from '../physicians/errors/physician-errors';
import { importFingerprint, type PhysicianService } from '../physicians/physician.service';
import { ImportKeyIndex, type IndexedProfile } from './import-key-index';

export type RowOutcome = 'created' | 'updated' | 'unchanged';

/** Where the outcome of every row goes, as soon as it is known. */
export interface ImportRowSink {
  outcome(line: number, outcome: RowOutcome): void;
  rejected(line: number, error: unknown): void;
}

/** Profiles written per batch: one bulk insert, and the updates of changed profiles. */
export const IMPORT_BATCH_SIZE = 1000;

interface PlannedRow {
  line: number;
  input: PhysicianInput;
  profile: IndexedProfile;
  fingerprint: string;
}

/**
 * Writes the valid rows of one import in batches, with the same outcome per row as writing
 * them one by one in file order (`PhysicianService.importProfile`):
 *
 * - rows are matched against the tenant's profiles read once at the start (by NPI, else
 *   email) and kept current with the import's own writes; an identical row is `unchanged`;
 * - new profiles go in one unordered bulk insert per batch, each document carrying its
 *   registered event; changed ones are updated at the version read, with their updated event;
 * - a row naming a profile that the current batch is about to write (the same person twice
 *   in a file) first writes the batch, so it sees that write as a row-by-row import would;
 * - a row that meets a concurrent change (a unique key taken, a version moved on) is done
 *   again the row-by-row way, which reads the database afresh.
 *
 * Each profile and its event are one single-document write, so an import stopped anywhere
 * leaves whole rows only, and running the file again completes it.
 */
export class PhysicianImportBatch {
  private creates: PlannedRow[] = [];
  private updates: PlannedRow[] = [];

  private constructor(
    private readonly physicians: PhysicianService,
    private readonly principal: Principal,
    private readonly hospitals: readonly { id: string }[],
    private readonly sink: ImportRowSink,
    private readonly index: ImportKeyIndex,
    private readonly batchSize: number,
  ) {}

  static async open(
    physicians: PhysicianService,
    principal: Principal,
    hospitals: readonly { id: string }[],
    sink: ImportRowSink,
    batchSize = IMPORT_BATCH_SIZE,
  ): Promise<PhysicianImportBatch> {
    const index = new ImportKeyIndex();
    for await (const key of physicians.importKeys(principal)) index.put({ ...key, pending: false });
    return new PhysicianImportBatch(physicians, principal, hospitals, sink, index, batchSize);
  }

  /** Rows waiting in the current batch. */
  get planned(): number {
    return this.creates.length + this.updates.length;
  }

  async add(line: number, input: PhysicianInput): Promise<void> {
    try {
      this.physicians.checkImportedHospital(this.hospitals, input);
    } catch (error) {
      this.sink.rejected(line, error);
      return;
    }
    if (this.index.touchesPending(input)) await this.flush();
    const fingerprint = importFingerprint(input);
    const existing = this.index.match(input);
    if (existing === undefined) {
      const profile: IndexedProfile = {
        id: '',
        email: input.email,
        ...(input.npi !== undefined && { npi: input.npi }),
        version: 1,
        fingerprint,
        pending: true,
      };
      this.index.put(profile);
      this.creates.push({ line, input, profile, fingerprint });
    } else if (existing.fingerprint === fingerprint) {
      this.sink.outcome(line, 'unchanged');
    } else {
      const taken = this.index.takenBy(input, existing);
      if (taken !== null) {
        this.sink.rejected(line, new PhysicianConflictError(taken));
        return;
      }
      existing.pending = true;
      this.updates.push({ line, input, profile: existing, fingerprint });
    }
    if (this.planned >= this.batchSize) await this.flush();
  }

  /** Writes the current batch. */
  async flush(): Promise<void> {
    const { creates, updates } = this;
    this.creates = [];
    this.updates = [];
    if (creates.length > 0) {
      const ids = await this.physicians.registerImported(
        this.principal,
        creates.map((row) => row.input),
      );
      for (const [i, row] of creates.entries()) {
        row.profile.pending = false;
        const id = ids[i];
        if (id !== null) {
          row.profile.id = id;
          this.sink.outcome(row.line, 'created');
        } else {
          this.index.remove(row.profile);
          await this.rowByRow(row);
        }
      }
    }
    for (const row of updates) {
      const { profile, input } = row;
      const result = await this.physicians.updateImported(this.principal, profile, input);
      profile.pending = false;
      if (result === 'updated') {
        this.index.update(profile, {
          email: input.email,
          ...(input.npi !== undefined && { npi: input.npi }),
          version: profile.version + 1,
          fingerprint: row.fingerprint,
        });
        this.sink.outcome(row.line, 'updated');
      } else {
        this.index.remove(profile);
        await this.rowByRow(row);
      }
    }
  }

  private async rowByRow(row: PlannedRow): Promise<void> {
    try {
      this.sink.outcome(
        row.line,
        await this.physicians.importProfile(this.principal, this.hospitals, row.input),
      );
    } catch (error) {
      this.sink.rejected(row.line, error);
    }
  }
}
