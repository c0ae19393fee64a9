import { Injectable, Logger, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';
import { Readable } from 'node:stream';
import { AuditLog } from '@medmentor/audit';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { newId } from '@medmentor/domain';
import { DomainError, RequestValidationError } from '@medmentor/platform';
import { PhysicianService } from '../physicians/physician.service';
import { TenantService } from '../tenants/tenant.service';
import { CsvFileError, parsePhysicianCsv } from './csv/parse-physician-csv';
import type { FhirImportQuery } from './dto/import-params.dto';
import { FhirBundleError, mapPractitionerBundle } from './fhir/map-practitioner-bundle';
import type { ImportRow } from './import-row';
import { ImportJobRepository } from './import-job.repository';
import { PhysicianImportBatch, type ImportRowSink } from './physician-import-batch';
import type {
  ImportCounts,
  ImportFormat,
  ImportJob,
  ImportRejection,
} from './schemas/import-job.schema';

/** Rejected rows kept in the report; the count covers all of them. */
export const MAX_REPORTED_REJECTIONS = 1000;
const PROGRESS_EVERY_ROWS = 500;
const PROGRESS_EVERY_MS = 2000;
/** A running import whose progress has not moved for this long belongs to a stopped process. */
const INTERRUPTED_AFTER_MS = 5 * 60_000;

export class ImportNotFoundError extends DomainError {
  constructor(importId: string) {
    super({
      code: 'import-not-found',
      status: 404,
      title: 'Import not found',
      detail: `No import ${importId} in this tenant.`,
    });
  }
}

export class ImportFileError extends DomainError {
  constructor(detail: string) {
    super({
      code: 'import-file-invalid',
      status: 400,
      title: 'Import file cannot be read',
      detail,
    });
  }
}

/** The file came with another media type than the endpoint reads (for example JSON to the CSV import). */
export class ImportMediaTypeError extends DomainError {
  constructor(expected: string) {
    super({
      code: 'import-media-type-unsupported',
      status: 415,
      title: 'Unsupported media type',
      detail: `Send the file with Content-Type: ${expected}.`,
    });
  }
}

/** Only the raw-bytes parsers registered by ImportsModule hand a Buffer to the controller. */
function requireFile(file: unknown, mediaType: string, emptyMessage: string): Buffer {
  if (file === undefined || file === null || (Buffer.isBuffer(file) && file.length === 0))
    throw new ImportFileError(emptyMessage);
  if (!Buffer.isBuffer(file)) throw new ImportMediaTypeError(mediaType);
  return file;
}

const problemOf = (error: unknown): ImportRejection['problems'] => {
  if (error instanceof DomainError) {
    return error.errors && error.errors.length > 0
      ? error.errors.map((e) => ({ field: e.field, message: e.message }))
      : [{ field: '(row)', message: error.detail ?? error.title }];
  }
  throw error;
};

/**
 * Bulk imports of physicians from a CSV file or a FHIR R4 Practitioner bundle. An import
 * runs in the background and reports its progress; every row is validated like an API
 * request, and profiles are matched by NPI or else email, so running a file again changes
 * nothing.
 */
@Injectable()
export class ImportService implements OnModuleInit, OnModuleDestroy {
  private readonly logger = new Logger(ImportService.name);
  private sweep: NodeJS.Timeout | undefined;

  constructor(
    private readonly jobs: ImportJobRepository,
    private readonly physicians: PhysicianService,
    private readonly tenants: TenantService,
    private readonly audit: AuditLog,
  ) {}

  onModuleInit(): void {
    const run = () =>
      this.jobs
        .failInterrupted(new Date(Date.now() - INTERRUPTED_AFTER_MS))
        .then(
          (count) => count > 0 && this.logger.warn(`${count} interrupted import(s) marked failed`),
        )
        .catch((error: Error) =>
          this.logger.warn(`interrupted-import sweep failed: ${error.message}`),
        );
    void run();
    this.sweep = setInterval(() => void run(), 60_000);
    this.sweep.unref();
  }

  onModuleDestroy(): void {
    if (this.sweep) clearInterval(this.sweep);
  }

  async startCsv(principal: Principal, body: unknown): Promise<ImportJob> {
    const file = requireFile(
      body,
      'text/csv',
      'The request body is empty: send the CSV file as text/csv.',
    );
    const tenant = await this.tenants.requireActive(principal);
    return this.start(principal, 'csv', tenant.hospitals, parsePhysicianCsv(Readable.from([file])));
  }

  async startFhir(principal: Principal, body: unknown, query: FhirImportQuery): Promise<ImportJob> {
    const file = requireFile(
      body,
      'application/fhir+json',
      'The request body is empty: send the Bundle as application/fhir+json.',
    );
    const tenant = await this.tenants.requireActive(principal);
    let rows: ImportRow[];
    try {
      rows = mapPractitionerBundle(JSON.parse(file.toString('utf8')), {
        defaultTimeZone: query.defaultTimeZone ?? tenant.timeZone,
        defaultCareerStage: { stage: query.defaultCareerStage },
      });
    } catch (error) {
      if (error instanceof SyntaxError || error instanceof FhirBundleError)
        throw new ImportFileError(error.message);
      throw error;
    }
    return this.start(principal, 'fhir', tenant.hospitals, rows);
  }

  async get(principal: Principal, importId: string): Promise<ImportJob> {
    const job = await this.jobs.findById(tenantFilter(principal, { _id: importId }));
    if (!job) throw new ImportNotFoundError(importId);
    return job;
  }

  private async start(
    principal: Principal,
    format: ImportFormat,
    hospitals: readonly { id: string }[],
    rows: AsyncIterable<ImportRow> | Iterable<ImportRow>,
  ): Promise<ImportJob> {
    const now = new Date();
    const job: ImportJob = {
      _id: newId(),
      tenantId: principal.tenantId,
      format,
      status: 'running',
      counts: { read: 0, created: 0, updated: 0, unchanged: 0, rejected: 0 },
      rejections: [],
      createdBy: principal.subject,
      startedAt: now,
      updatedAt: now,
    };
    await this.jobs.create(job);
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action: 'import.started',
      resource: { type: 'import', id: job._id },
      summary: { format },
    });
    void this.run(principal, job, hospitals, rows);
    return job;
  }

  private async run(
    principal: Principal,
    job: ImportJob,
    hospitals: readonly { id: string }[],
    rows: AsyncIterable<ImportRow> | Iterable<ImportRow>,
  ): Promise<void> {
    const filter = tenantFilter(principal, { _id: job._id });
    const counts: ImportCounts = { ...job.counts };
    const rejections: ImportRejection[] = [];
    const reject = (line: number, problems: ImportRejection['problems']) => {
      counts.rejected += 1;
      if (rejections.length < MAX_REPORTED_REJECTIONS) rejections.push({ line, problems });
    };
    const sink: ImportRowSink = {
      outcome: (_line, outcome) => {
        counts[outcome] += 1;
      },
      rejected: (line, error) => reject(line, problemOf(error)),
    };
    let lastReport = Date.now();
    const report = async () => {
      if (counts.read % PROGRESS_EVERY_ROWS !== 0 && Date.now() - lastReport < PROGRESS_EVERY_MS)
        return;
      lastReport = Date.now();
      rejections.sort((a, b) => a.line - b.line);
      await this.jobs.progress(filter, counts, rejections);
    };
    try {
      const batch = await PhysicianImportBatch.open(this.physicians, principal, hospitals, sink);
      for await (const row of rows) {
        counts.read += 1;
        if (row.ok) await batch.add(row.line, row.input);
        else reject(row.line, row.problems);
        await report();
      }
      await batch.flush();
      rejections.sort((a, b) => a.line - b.line);
      await this.jobs.progress(filter, counts, rejections, 'completed');
      await this.recordEnd(principal, job, 'import.completed', counts);
    } catch (error) {
      const message =
        error instanceof CsvFileError || error instanceof RequestValidationError
          ? error.message
          : `import stopped: ${(error as Error).message}; run it again (imports are idempotent)`;
      this.logger.error(`import ${job._id} failed: ${(error as Error).message}`);
      await this.jobs
        .progress(filter, counts, rejections, 'failed', message)
        .catch(() => undefined);
      await this.recordEnd(principal, job, 'import.failed', counts);
    }
  }

  /** The outcome of a run in the audit log, with its counts (never row contents). */
  private async recordEnd(
    principal: Principal,
    job: ImportJob,
    action: 'import.completed' | 'import.failed',
    counts: ImportCounts,
  ): Promise<void> {
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action,
      resource: { type: 'import', id: job._id },
      summary: { format: job.format, ...counts },
    });
  }
}
