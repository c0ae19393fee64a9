import { Injectable } from '@nestjs/common';
import { tenantFilter, type Principal } from '@medmentor/auth';
import type { EnrollmentRole } from '@medmentor/domain';
import { encodeCursor, type Page, type PageKey } from '@medmentor/platform';
import { projectPhysician } from '../physicians/physician-privacy';
import { PhysicianRepository } from '../physicians/physician.repository';
import type { Physician } from '../physicians/schemas/physician.schema';
import type { ProgramRecord } from '../programs/program.repository';
import type { ListParticipantsQuery } from './dto/list-participants.dto';
import type { ParticipantView } from './dto/participant-view.dto';
import { ParticipantsForbiddenError } from './errors/enrollment-errors';
import { profileFactsFilter } from './enrollment.mapper';
import {
  EnrollmentRepository,
  type EnrollmentListFilter,
  type EnrollmentRecord,
} from './enrollment.repository';
import { EnrollmentService, managesEnrollments } from './enrollment.service';
import { physicianDirectoryAccess } from './rules/participant-access';

/** Pages read per request at most when profiles are left out (hidden location, erasure race). */
const SCAN_ROUNDS = 5;

const keyOf = (doc: EnrollmentRecord): PageKey => ({ createdAt: doc.createdAt, id: doc._id });

const toParticipant = (doc: EnrollmentRecord, physician: Physician): ParticipantView => ({
  enrollmentId: doc._id,
  side: doc.side,
  roles: doc.roles,
  topics: doc.topics,
  physician: projectPhysician(physician, 'match'),
});

/** Whether the profile's match view shows its location (the directory filters only on what it shows). */
const showsLocation = (physician: Physician): boolean =>
  physician.privacy?.visibleToMatches.includes('location') ?? false;

/**
 * The participants directory of a program: the active enrollments a physician may rank, each
 * with the profile as a potential match sees it.
 */
@Injectable()
export class ParticipantService {
  constructor(
    private readonly enrollments: EnrollmentRepository,
    private readonly enrollmentService: EnrollmentService,
    private readonly physicians: PhysicianRepository,
  ) {}

  async list(
    principal: Principal,
    programId: string,
    query: ListParticipantsQuery,
  ): Promise<Page<ParticipantView>> {
    const program = await this.enrollmentService.visibleProgram(principal, programId);
    const side = managesEnrollments(principal)
      ? query.side
      : await this.physicianSide(principal, program, query);
    const filter: EnrollmentListFilter = {
      programId: program._id,
      status: 'active',
      ...(side && { side }),
      ...profileFactsFilter(query),
    };
    const byLocation = query.country !== undefined || query.region !== undefined;
    return this.collect(principal, filter, query, (physician) =>
      byLocation ? showsLocation(physician) : true,
    );
  }

  /** The side the physician ranks, or a 403 saying why they may not browse. */
  private async physicianSide(
    principal: Principal,
    program: ProgramRecord,
    query: ListParticipantsQuery,
  ): Promise<EnrollmentRole> {
    const own =
      principal.physicianId === undefined
        ? null
        : await this.enrollments.findActiveOf(
            tenantFilter(principal, { programId: program._id, physicianId: principal.physicianId }),
          );
    const access = physicianDirectoryAccess(program, own, query.side);
    if (!access.allowed) throw new ParticipantsForbiddenError(access.field, access.reason);
    return access.side;
  }

  /**
   * Reads enrollments page by page, keeping those whose profile is active and passes `keep`,
   * until a page is full or SCAN_ROUNDS pages were read. A page cut short that way still has a
   * `nextCursor` (where the scan stopped), so clients page on until it is null.
   */
  private async collect(
    principal: Principal,
    filter: EnrollmentListFilter,
    query: ListParticipantsQuery,
    keep: (physician: Physician) => boolean,
  ): Promise<Page<ParticipantView>> {
    const items: ParticipantView[] = [];
    let after = query.cursor;
    for (let round = 0; round < SCAN_ROUNDS; round++) {
      const docs = await this.enrollments.list(tenantFilter(principal, filter), {
        limit: query.limit,
        ...(after && { after }),
      });
      const batch = docs.slice(0, query.limit);
      const more = docs.length > query.limit;
      const profiles = await this.physicians.findActiveMany(
        tenantFilter(principal, { ids: batch.map((doc) => doc.physicianId) }),
      );
      for (const [index, doc] of batch.entries()) {
        const physician = profiles.get(doc.physicianId);
        if (physician !== undefined && keep(physician)) items.push(toParticipant(doc, physician));
        if (items.length === query.limit) {
          const rest = index < batch.length - 1 || more;
          return { items, nextCursor: rest ? encodeCursor(keyOf(doc)) : null };
        }
      }
      const last = batch[batch.length - 1];
      if (!more || last === undefined) return { items, nextCursor: null };
      after = keyOf(last);
    }
    return { items, nextCursor: after ? encodeCursor(after) : null };
  }
}
