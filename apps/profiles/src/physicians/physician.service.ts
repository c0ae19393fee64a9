import { Injectable } from '@nestjs/common';
import { createHash } from 'node:crypto';
import { AuditLog } from '@medmentor/audit';
import { createEvent, type OutgoingEvent } from '@medmentor/contracts';
import { newId } from '@medmentor/domain';
import { canActAsPhysician, isAdminOf, tenantFilter, type Principal } from '@medmentor/auth';
import {
  getCorrelationId,
  RequestValidationError,
  toPage,
  zodIssuesToFieldErrors,
  type Page,
} from '@medmentor/platform';
import { EnrollmentRepository } from '../enrollments/enrollment.repository';
import { TenantService } from '../tenants/tenant.service';
import type { ListPhysiciansQuery } from './dto/list-physicians.dto';
import {
  physicianFieldsSchema,
  physicianInputSchema,
  type PhysicianInput,
} from './dto/physician-input.schema';
import type { PhysicianView } from './dto/physician-view.dto';
import {
  ADMIN_ONLY_FIELDS,
  CLEARABLE_FIELDS,
  type UpdatePhysicianDto,
} from './dto/update-physician.dto';
import {
  NoPhysicianProfileError,
  PhysicianConflictError,
  PhysicianForbiddenError,
  PhysicianNotFoundError,
  PhysicianVersionConflictError,
} from './errors/physician-errors';
import { audienceOf, projectPhysician } from './physician-privacy';
import { PhysicianRepository, type PhysicianListFilter } from './physician.repository';
import { snapshotOf, type ActivePhysician } from './physician-snapshot';
import type { Physician } from './schemas/physician.schema';

const INPUT_FIELDS = Object.keys(physicianFieldsSchema.shape) as (keyof PhysicianInput)[];

const npiKeyOf = (npi: string | undefined, physicianId: string): string =>
  npi ?? `none:${physicianId}`;

/** The stored profile as input, to re-validate it with a change applied. */
const inputOf = (doc: Physician): Record<string, unknown> =>
  Object.fromEntries(
    INPUT_FIELDS.filter((field) => doc[field] !== undefined).map((field) => [field, doc[field]]),
  );

/** Key order does not matter when comparing a stored profile with an imported one. */
const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value !== null && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.keys(value)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

/** A digest of a profile's content: equal for a stored profile and an identical imported one. */
export const importFingerprint = (input: PhysicianInput): string =>
  createHash('sha256')
    .update(JSON.stringify(canonical(input)))
    .digest('base64');

/** What a bulk import keeps of a stored profile to match rows with it and compare them. */
export interface ImportedProfileKey {
  id: string;
  email: string;
  /** The NPI, absent for profiles without one. */
  npi?: string;
  version: number;
  fingerprint: string;
}

/** A new profile at version 1, with a fresh id. */
const newProfile = (principal: Principal, input: PhysicianInput, now: Date): ActivePhysician => {
  const _id = newId();
  return {
    _id,
    tenantId: principal.tenantId,
    status: 'active' as const,
    ...input,
    npiKey: npiKeyOf(input.npi, _id),
    version: 1,
    createdBy: principal.subject,
    createdAt: now,
    updatedAt: now,
  } satisfies ActivePhysician;
};

const physicianEvent = (
  type: 'medmentor.profiles.physician.registered' | 'medmentor.profiles.physician.updated',
  doc: ActivePhysician,
): OutgoingEvent =>
  createEvent(type, snapshotOf(doc), {
    tenantId: doc.tenantId,
    source: 'profiles',
    correlationId: getCorrelationId(),
    time: doc.updatedAt,
  });

@Injectable()
export class PhysicianService {
  constructor(
    private readonly physicians: PhysicianRepository,
    private readonly tenants: TenantService,
    private readonly enrollments: EnrollmentRepository,
    private readonly audit: AuditLog,
  ) {}

  async create(principal: Principal, dto: PhysicianInput): Promise<PhysicianView> {
    const tenant = await this.tenants.requireActive(principal);
    this.checkHospital(tenant.hospitals, dto.hospitalId);
    const doc = await this.register(principal, dto);
    return projectPhysician(doc, audienceOf(principal, doc._id));
  }

  /** Inserts a new profile with its registered event; a taken email or NPI is a 409. */
  private async register(principal: Principal, input: PhysicianInput): Promise<ActivePhysician> {
    const doc = newProfile(principal, input, new Date());
    const result = await this.physicians.insert(doc, [
      physicianEvent('medmentor.profiles.physician.registered', doc),
    ]);
    if (result === 'duplicate-email') throw new PhysicianConflictError('email');
    if (result === 'duplicate-npi') throw new PhysicianConflictError('npi');
    return doc;
  }

  async get(principal: Principal, physicianId: string): Promise<PhysicianView> {
    return projectPhysician(
      await this.find(principal, physicianId),
      audienceOf(principal, physicianId),
    );
  }

  async me(principal: Principal): Promise<PhysicianView> {
    if (principal.physicianId === undefined) throw new NoPhysicianProfileError();
    return this.get(principal, principal.physicianId);
  }

  async list(principal: Principal, query: ListPhysiciansQuery): Promise<Page<PhysicianView>> {
    const enrolled = await this.enrolledIds(principal, query);
    if (enrolled?.length === 0) return { items: [], nextCursor: null };
    const filter: PhysicianListFilter = {
      ...(enrolled && { _id: { $in: enrolled } }),
      ...(query.specialty && { specialty: query.specialty }),
      ...(query.subspecialty && { subspecialty: query.subspecialty }),
      ...(query.stage && { 'careerStage.stage': query.stage }),
      ...(query.interest && { interests: query.interest }),
      ...(query.language && { languages: query.language }),
      ...(query.timeZone && { timeZone: query.timeZone }),
      ...(query.country && { 'location.country': query.country }),
      ...(query.takingBreak !== undefined && { takingBreak: query.takingBreak }),
    };
    const docs = await this.physicians.list(tenantFilter(principal, filter), {
      limit: query.limit,
      ...(query.cursor && { after: query.cursor }),
    });
    return toPage(docs as (Physician & { createdAt: Date })[], query.limit, (doc) =>
      projectPhysician(doc, audienceOf(principal, doc._id)),
    );
  }

  /** The physicians enrolled as the query asks, or undefined when it asks nothing of enrollments. */
  private async enrolledIds(
    principal: Principal,
    query: ListPhysiciansQuery,
  ): Promise<string[] | undefined> {
    const { programId, side, role } = query;
    if (programId === undefined && side === undefined && role === undefined) return undefined;
    return this.enrollments.activePhysicianIds(
      tenantFilter(principal, {
        ...(programId && { programId }),
        ...(side && { side }),
        ...(role && { roles: role }),
      }),
    );
  }

  async update(
    principal: Principal,
    physicianId: string,
    dto: UpdatePhysicianDto,
  ): Promise<PhysicianView> {
    const current = await this.find(principal, physicianId);
    if (!canActAsPhysician(principal, physicianId)) throw new PhysicianForbiddenError('update');
    const adminOnly = ADMIN_ONLY_FIELDS.filter((field) => dto[field] !== undefined);
    if (adminOnly.length > 0 && !isAdminOf(principal, principal.tenantId))
      throw new PhysicianForbiddenError('update', adminOnly);
    if (dto.version !== current.version)
      throw new PhysicianVersionConflictError(physicianId, dto.version, current.version ?? 0);

    const { version: _version, ...patch } = dto;
    const merged = { ...inputOf(current), ...patch };
    for (const [field, value] of Object.entries(merged)) if (value === null) delete merged[field];
    const parsed = physicianInputSchema.safeParse(merged);
    if (!parsed.success)
      throw new RequestValidationError(zodIssuesToFieldErrors(parsed.error.issues));
    const input = parsed.data;
    if (patch['hospitalId'] !== undefined && patch['hospitalId'] !== null) {
      this.checkHospital((await this.tenants.requireActive(principal)).hospitals, input.hospitalId);
    }

    const npiKey = npiKeyOf(input.npi, physicianId);
    const filter = tenantFilter(principal, { _id: physicianId });
    const taken = await this.physicians.takenKey(
      tenantFilter(principal, { email: input.email, npiKey, exceptId: physicianId }),
    );
    if (taken !== null) throw new PhysicianConflictError(taken);

    const set = { ...input, npiKey, updatedAt: new Date() };
    const unset = CLEARABLE_FIELDS.filter((field) => input[field] === undefined);
    const next = { ...current, ...set, version: dto.version + 1 } as ActivePhysician;
    for (const field of unset) delete next[field];
    const result = await this.physicians.updateAtVersion(filter, dto.version, set, unset, [
      physicianEvent('medmentor.profiles.physician.updated', next),
    ]);
    if (result === 'duplicate') {
      const again = await this.physicians.takenKey(
        tenantFilter(principal, { email: input.email, npiKey, exceptId: physicianId }),
      );
      throw new PhysicianConflictError(again ?? 'email');
    }
    if (result === 'stale') {
      const now = await this.find(principal, physicianId);
      throw new PhysicianVersionConflictError(physicianId, dto.version, now.version ?? 0);
    }
    return projectPhysician(next, audienceOf(principal, physicianId));
  }

  /**
   * Creates or updates the profile a bulk import describes, found by NPI or else email, so
   * re-running an import changes nothing. The caller checked the tenant once for the file.
   */
  async importProfile(
    principal: Principal,
    hospitals: readonly { id: string }[],
    input: PhysicianInput,
  ): Promise<'created' | 'updated' | 'unchanged'> {
    this.checkHospital(hospitals, input.hospitalId);
    const existing = await this.physicians.findByNaturalKey(
      tenantFilter(principal, {
        email: input.email,
        ...(input.npi !== undefined && { npiKey: input.npi }),
      }),
    );
    if (existing === null) {
      await this.register(principal, input);
      return 'created';
    }
    const stored = physicianInputSchema.parse(inputOf(existing));
    if (importFingerprint(stored) === importFingerprint(input)) return 'unchanged';
    const physicianId = existing._id;
    const npiKey = npiKeyOf(input.npi, physicianId);
    const taken = await this.physicians.takenKey(
      tenantFilter(principal, { email: input.email, npiKey, exceptId: physicianId }),
    );
    if (taken !== null) throw new PhysicianConflictError(taken);
    const version = existing.version ?? 1;
    const set = { ...input, npiKey, updatedAt: new Date() };
    const unset = CLEARABLE_FIELDS.filter((field) => input[field] === undefined);
    const next = { ...existing, ...set, version: version + 1 } as ActivePhysician;
    for (const field of unset) delete next[field];
    const result = await this.physicians.updateAtVersion(
      tenantFilter(principal, { _id: physicianId }),
      version,
      set,
      unset,
      [physicianEvent('medmentor.profiles.physician.updated', next)],
    );
    if (result === 'duplicate') throw new PhysicianConflictError('email');
    if (result === 'stale')
      throw new PhysicianVersionConflictError(physicianId, version, version + 1);
    return 'updated';
  }

  /** Refuses an imported profile whose hospital is not one of the tenant's. */
  checkImportedHospital(hospitals: readonly { id: string }[], input: PhysicianInput): void {
    this.checkHospital(hospitals, input.hospitalId);
  }

  /**
   * The tenant's active profiles as import keys, in one pass: an import matches and compares
   * its rows against these instead of looking each row up.
   */
  async *importKeys(principal: Principal): AsyncGenerator<ImportedProfileKey> {
    for await (const doc of this.physicians.streamActive(tenantFilter(principal))) {
      const stored = physicianInputSchema.safeParse(inputOf(doc));
      yield {
        id: doc._id,
        email: doc.email,
        ...(doc.npi !== undefined && { npi: doc.npi }),
        version: doc.version ?? 1,
        // A stored profile the schema no longer accepts never equals a row: the row replaces it.
        fingerprint: stored.success ? importFingerprint(stored.data) : '',
      };
    }
  }

  /**
   * Inserts imported profiles, each with its registered event in the same document. Answers
   * each input's new id, or null where another profile took its email or NPI meanwhile.
   */
  async registerImported(
    principal: Principal,
    inputs: PhysicianInput[],
  ): Promise<(string | null)[]> {
    const now = new Date();
    const items = inputs.map((input) => {
      const doc = newProfile(principal, input, now);
      return { doc, events: [physicianEvent('medmentor.profiles.physician.registered', doc)] };
    });
    const refused = await this.physicians.insertMany(items);
    return items.map((item, i) => (refused.has(i) ? null : item.doc._id));
  }

  /**
   * Replaces an imported profile's fields if it is still at `version`, with its updated event
   * in the same write: 'stale' when it changed meanwhile, 'duplicate' when its new email or NPI
   * was taken meanwhile.
   */
  async updateImported(
    principal: Principal,
    key: { id: string; version: number },
    input: PhysicianInput,
  ): Promise<'updated' | 'stale' | 'duplicate'> {
    const set = { ...input, npiKey: npiKeyOf(input.npi, key.id), updatedAt: new Date() };
    const unset = CLEARABLE_FIELDS.filter((field) => input[field] === undefined);
    const next = {
      _id: key.id,
      tenantId: principal.tenantId,
      status: 'active',
      ...set,
      version: key.version + 1,
    } as ActivePhysician;
    return this.physicians.updateAtVersion(
      tenantFilter(principal, { _id: key.id }),
      key.version,
      set,
      unset,
      [physicianEvent('medmentor.profiles.physician.updated', next)],
    );
  }

  /** Anonymises the profile and announces it; an erased profile is gone (a second erase is 404). */
  async erase(principal: Principal, physicianId: string): Promise<void> {
    await this.find(principal, physicianId);
    if (!canActAsPhysician(principal, physicianId)) throw new PhysicianForbiddenError('erase');
    const erasedAt = new Date();
    const event = createEvent(
      'medmentor.profiles.physician.erased',
      { physicianId, tenantId: principal.tenantId },
      {
        tenantId: principal.tenantId,
        source: 'profiles',
        correlationId: getCorrelationId(),
        time: erasedAt,
      },
    );
    const erased = await this.physicians.erase(
      tenantFilter(principal, { _id: physicianId }),
      erasedAt,
      [event],
    );
    if (!erased) throw new PhysicianNotFoundError(physicianId);
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action: 'physician.erased',
      resource: { type: 'physician', id: physicianId },
      summary: { byThemself: principal.physicianId === physicianId },
    });
  }

  private async find(principal: Principal, physicianId: string): Promise<Physician> {
    const doc = await this.physicians.findActive(tenantFilter(principal, { _id: physicianId }));
    if (doc === null) throw new PhysicianNotFoundError(physicianId);
    return doc;
  }

  private checkHospital(
    hospitals: readonly { id: string }[],
    hospitalId: string | undefined,
  ): void {
    if (hospitalId !== undefined && !hospitals.some((hospital) => hospital.id === hospitalId)) {
      throw new RequestValidationError([
        { field: 'hospitalId', message: 'is not a hospital of this tenant' },
      ]);
    }
  }
}
