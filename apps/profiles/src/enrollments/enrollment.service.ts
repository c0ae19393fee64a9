import { Injectable } from '@nestjs/common';
import { AuditLog, type AuditSummary } from '@medmentor/audit';
import { hasRole, tenantFilter, type Principal, type TenantContext } from '@medmentor/auth';
import { newId, type MentorshipRole, type SpecialtyCode } from '@medmentor/domain';
import { RequestValidationError, toPage, type FieldError, type Page } from '@medmentor/platform';
import { PhysicianNotFoundError } from '../physicians/errors/physician-errors';
import { PhysicianRepository } from '../physicians/physician.repository';
import type { Physician } from '../physicians/schemas/physician.schema';
import { ProgramNotFoundError } from '../programs/errors/program-not-found.error';
import { PARTICIPANT_VISIBLE_STATUSES } from '../programs/program-lifecycle';
import { ProgramRepository, type ProgramRecord } from '../programs/program.repository';
import { TenantService } from '../tenants/tenant.service';
import { Clock } from './clock';
import type { CreateEnrollmentDto, UpdateEnrollmentDto } from './dto/enrollment-input.schema';
import type { EnrollmentView } from './dto/enrollment-view.dto';
import type { ListEnrollmentsQuery } from './dto/list-enrollments.dto';
import {
  AlreadyEnrolledError,
  EnrollmentClosedError,
  EnrollmentForbiddenError,
  EnrollmentIneligibleError,
  EnrollmentInvalidError,
  EnrollmentNotFoundError,
  EnrollmentProgramClosedError,
  EnrollmentVersionConflictError,
  EnrollmentWithdrawnError,
} from './errors/enrollment-errors';
import {
  enrollmentEvent,
  profileFactsFilter,
  profileFactsOf,
  toEnrollmentView,
  withdrawnEvent,
} from './enrollment.mapper';
import {
  EnrollmentRepository,
  type EnrollmentListFilter,
  type EnrollmentRecord,
} from './enrollment.repository';
import {
  defaultCapacity,
  eligibilityIssues,
  termsIssues,
  type EnrollingPhysician,
  type EnrollmentTerms,
} from './rules/enrollment-rules';
import { collectsRankLists, enrollmentClosedReason } from './rules/program-phase';

/** Administrators of the tenant manage every enrollment in it; physicians only their own. */
export const managesEnrollments = (principal: Principal): boolean =>
  hasRole(principal, 'platform-admin', 'org-admin', 'program-admin');

const activeKeyOf = (programId: string, physicianId: string): string =>
  `${programId}:${physicianId}`;

const enrollingPhysician = (doc: Physician): EnrollingPhysician => ({
  physicianId: doc._id,
  careerStage: doc.careerStage?.stage ?? 'student',
  // Profiles store codes validated against the taxonomy on the way in.
  specialty: (doc.specialty ?? '') as SpecialtyCode,
  ...(doc.subspecialty !== undefined && { subspecialty: doc.subspecialty as SpecialtyCode }),
  mentoringCapacity: doc.mentoringCapacity ?? 0,
  mentorTrainingCompleted: doc.mentorTraining?.completed ?? false,
});

/** How many times a withdrawal retries when the enrollment changed under it. */
const WITHDRAW_ATTEMPTS = 5;

@Injectable()
export class EnrollmentService {
  constructor(
    private readonly enrollments: EnrollmentRepository,
    private readonly programs: ProgramRepository,
    private readonly physicians: PhysicianRepository,
    private readonly tenants: TenantService,
    private readonly clock: Clock,
    private readonly audit: AuditLog,
  ) {}

  async enroll(principal: Principal, dto: CreateEnrollmentDto): Promise<EnrollmentView> {
    const physicianId = this.actingFor(principal, dto.physicianId);
    await this.tenants.requireActive(principal);
    const program = await this.visibleProgram(principal, dto.programId);
    const physician = await this.physicians.findActive(
      tenantFilter(principal, { _id: physicianId }),
    );
    if (physician === null) throw new PhysicianNotFoundError(physicianId);

    const now = this.clock.now();
    const closed = enrollmentClosedReason(program, now);
    if (closed !== null) throw new EnrollmentClosedError(program._id, closed);

    const roles: MentorshipRole[] | undefined =
      dto.roles ?? (dto.side === 'peer' ? ['peer'] : undefined);
    if (roles === undefined)
      throw new RequestValidationError([
        { field: 'roles', message: `is required for a ${dto.side}` },
      ]);
    const enrolling = enrollingPhysician(physician);
    const capacity = defaultCapacity(dto.side, dto.capacity, enrolling.mentoringCapacity);
    const terms: EnrollmentTerms = {
      side: dto.side,
      roles,
      preferences: dto.preferences,
      ...(capacity !== undefined && { capacity }),
    };
    await this.assertTerms(principal, program, enrolling, terms);
    const ineligible = eligibilityIssues(program, enrolling, dto.side);
    if (ineligible.length > 0) throw new EnrollmentIneligibleError(ineligible);

    const doc: EnrollmentRecord = {
      _id: newId(),
      tenantId: principal.tenantId,
      programId: program._id,
      physicianId,
      side: dto.side,
      roles,
      topics: dto.topics,
      preferences: dto.preferences,
      ...(capacity !== undefined && { capacity }),
      status: 'active',
      activeKey: activeKeyOf(program._id, physicianId),
      ...(collectsRankLists(program) && dto.side !== 'peer' && { rankList: { ranks: [] } }),
      profile: profileFactsOf(physician, physician.version ?? 1),
      version: 1,
      createdBy: principal.subject,
      createdAt: now,
      updatedAt: now,
    };
    const inserted = await this.enrollments.insert(tenantFilter(principal, doc), [
      enrollmentEvent('medmentor.profiles.enrollment.submitted', doc),
    ]);
    if (inserted === 'duplicate') throw new AlreadyEnrolledError(program._id);
    await this.auditOnBehalf(principal, 'enrollment.created', doc, { side: doc.side });
    return toEnrollmentView(doc);
  }

  async get(principal: Principal, enrollmentId: string): Promise<EnrollmentView> {
    return toEnrollmentView(await this.findVisible(principal, enrollmentId));
  }

  async list(principal: Principal, query: ListEnrollmentsQuery): Promise<Page<EnrollmentView>> {
    const own = managesEnrollments(principal) ? undefined : principal.physicianId;
    if (!managesEnrollments(principal)) {
      // A physician sees only their own enrollments; asking for someone else's finds nothing.
      if (own === undefined || (query.physicianId !== undefined && query.physicianId !== own))
        return { items: [], nextCursor: null };
    }
    const physicianId = own ?? query.physicianId;
    const filter: EnrollmentListFilter = {
      ...(query.programId && { programId: query.programId }),
      ...(physicianId && { physicianId }),
      ...(query.side && { side: query.side }),
      ...(query.role && { roles: query.role }),
      ...(query.status && { status: query.status }),
      ...profileFactsFilter(query),
    };
    const docs = await this.enrollments.list(tenantFilter(principal, filter), {
      limit: query.limit,
      ...(query.cursor && { after: query.cursor }),
    });
    return toPage(docs, query.limit, toEnrollmentView);
  }

  async update(
    principal: Principal,
    enrollmentId: string,
    dto: UpdateEnrollmentDto,
  ): Promise<EnrollmentView> {
    const current = await this.findVisible(principal, enrollmentId);
    if (current.status !== 'active') throw new EnrollmentWithdrawnError(enrollmentId);
    const program = await this.programOf(principal, current);
    if (program.status === 'closed') throw new EnrollmentProgramClosedError(program._id);
    if (dto.version !== current.version)
      throw new EnrollmentVersionConflictError(enrollmentId, dto.version, current.version);
    const physician = await this.physicians.findActive(
      tenantFilter(principal, { _id: current.physicianId }),
    );
    if (physician === null) throw new PhysicianNotFoundError(current.physicianId);

    const capacity = dto.capacity ?? current.capacity;
    const terms: EnrollmentTerms = {
      side: current.side,
      roles: dto.roles ?? current.roles,
      preferences: dto.preferences ?? current.preferences,
      ...(capacity !== undefined && { capacity }),
    };
    await this.assertTerms(principal, program, enrollingPhysician(physician), terms);

    const now = this.clock.now();
    const set = {
      ...(dto.roles !== undefined && { roles: dto.roles }),
      ...(dto.topics !== undefined && { topics: dto.topics }),
      ...(dto.preferences !== undefined && { preferences: dto.preferences }),
      ...(dto.capacity !== undefined && { capacity: dto.capacity }),
      updatedAt: now,
    };
    const next: EnrollmentRecord = { ...current, ...set, version: current.version + 1 };
    const result = await this.enrollments.updateAtVersion(
      tenantFilter(principal, { _id: enrollmentId }),
      dto.version,
      { set, where: { status: 'active' } },
      [enrollmentEvent('medmentor.profiles.enrollment.updated', next)],
    );
    if (result !== 'updated') await this.explainStale(principal, enrollmentId, dto.version);
    return toEnrollmentView(next);
  }

  /** Leaves the program: the enrollment stays as history and frees the physician to enroll again. */
  async withdraw(principal: Principal, enrollmentId: string): Promise<EnrollmentView> {
    const current = await this.findVisible(principal, enrollmentId);
    const withdrawn = await this.withdrawRecord(principal, current);
    if (withdrawn === null) throw new EnrollmentWithdrawnError(enrollmentId);
    await this.auditOnBehalf(principal, 'enrollment.withdrawn', withdrawn, {});
    return toEnrollmentView(withdrawn);
  }

  /** Withdraws every active enrollment of an erased physician, each with its event; idempotent. */
  async withdrawErased(context: TenantContext, physicianId: string): Promise<number> {
    const scope = tenantFilter(context, { physicianId });
    const active = await this.enrollments.ofPhysician({ ...scope, status: 'active' });
    let count = 0;
    for (const enrollment of active)
      if ((await this.withdrawRecord(context, enrollment)) !== null) count++;
    await this.enrollments.stripErased(scope);
    return count;
  }

  /** The enrollment if the caller may see it (their own, or any of the tenant for admins); 404 otherwise. */
  async findVisible(principal: Principal, enrollmentId: string): Promise<EnrollmentRecord> {
    const mine = managesEnrollments(principal) ? {} : { physicianId: principal.physicianId ?? '' };
    const doc = await this.enrollments.findOne(
      tenantFilter(principal, { _id: enrollmentId, ...mine }),
    );
    if (doc === null) throw new EnrollmentNotFoundError(enrollmentId);
    return doc;
  }

  /** The program of an enrollment (programs are never deleted once published). */
  async programOf(context: TenantContext, enrollment: EnrollmentRecord): Promise<ProgramRecord> {
    const program = await this.programs.findOne(
      tenantFilter(context, { _id: enrollment.programId }),
    );
    if (program === null) throw new ProgramNotFoundError(enrollment.programId);
    return program;
  }

  /**
   * Records a change an administrator made to someone else's enrollment; a physician acting
   * on their own enrollment is no administrative action and is not recorded.
   */
  async auditOnBehalf(
    principal: Principal,
    action: string,
    enrollment: EnrollmentRecord,
    summary: AuditSummary,
  ): Promise<void> {
    if (principal.physicianId === enrollment.physicianId) return;
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action,
      resource: { type: 'enrollment', id: enrollment._id },
      summary: {
        programId: enrollment.programId,
        physicianId: enrollment.physicianId,
        version: enrollment.version,
        ...summary,
      },
    });
  }

  /** Answers a lost conditional update: the enrollment was withdrawn, or is at another version. */
  async explainStale(
    principal: Principal,
    enrollmentId: string,
    sentVersion: number,
  ): Promise<never> {
    const now = await this.findVisible(principal, enrollmentId);
    if (now.status !== 'active') throw new EnrollmentWithdrawnError(enrollmentId);
    throw new EnrollmentVersionConflictError(enrollmentId, sentVersion, now.version);
  }

  /** Marks an active enrollment withdrawn with its event; null when it already was. */
  private async withdrawRecord(
    context: TenantContext,
    enrollment: EnrollmentRecord,
  ): Promise<EnrollmentRecord | null> {
    let current = enrollment;
    for (let attempt = 0; attempt < WITHDRAW_ATTEMPTS; attempt++) {
      if (current.status !== 'active') return null;
      const now = this.clock.now();
      const set = {
        status: 'withdrawn' as const,
        activeKey: `withdrawn:${current._id}`,
        withdrawnAt: now,
        updatedAt: now,
      };
      const next: EnrollmentRecord = { ...current, ...set, version: current.version + 1 };
      const result = await this.enrollments.updateAtVersion(
        tenantFilter(context, { _id: current._id }),
        current.version,
        { set, where: { status: 'active' } },
        [withdrawnEvent(next, now)],
      );
      if (result === 'updated') return next;
      const again = await this.enrollments.findOne(tenantFilter(context, { _id: current._id }));
      if (again === null) return null;
      current = again;
    }
    throw new EnrollmentVersionConflictError(current._id, current.version, current.version);
  }

  /** The physician a request enrolls: the caller's own, or anyone of the tenant for admins. */
  private actingFor(principal: Principal, requested: string | undefined): string {
    if (managesEnrollments(principal)) {
      const physicianId = requested ?? principal.physicianId;
      if (physicianId === undefined)
        throw new RequestValidationError([
          {
            field: 'physicianId',
            message: 'is required when an administrator enrolls a physician',
          },
        ]);
      return physicianId;
    }
    if (principal.physicianId === undefined)
      throw new EnrollmentForbiddenError('the token carries no physician id to enroll');
    if (requested !== undefined && requested !== principal.physicianId)
      throw new EnrollmentForbiddenError('a physician enrolls only themself');
    return principal.physicianId;
  }

  /** Physicians see programs that are published and not closed; admins see every program. */
  async visibleProgram(principal: Principal, programId: string): Promise<ProgramRecord> {
    const status = managesEnrollments(principal)
      ? {}
      : { status: { $in: PARTICIPANT_VISIBLE_STATUSES } };
    const program = await this.programs.findOne(
      tenantFilter(principal, { _id: programId, ...status }),
    );
    if (program === null) throw new ProgramNotFoundError(programId);
    return program;
  }

  /** Roles offered, side-specific preferences, capacity, and exclusions naming physicians of the tenant. */
  private async assertTerms(
    context: TenantContext,
    program: ProgramRecord,
    physician: EnrollingPhysician,
    terms: EnrollmentTerms,
  ): Promise<void> {
    const issues: FieldError[] = termsIssues(program, physician, terms);
    const known = await Promise.all(
      terms.preferences.exclusions.map((id) =>
        this.physicians.findActive(tenantFilter(context, { _id: id })),
      ),
    );
    known.forEach((found, index) => {
      if (found === null)
        issues.push({
          field: `preferences.exclusions[${index}]`,
          message: 'is not a physician of this tenant',
        });
    });
    if (issues.length > 0) throw new EnrollmentInvalidError(issues);
  }
}
