import { Injectable } from '@nestjs/common';
import { AuditLog, type AuditSummary } from '@medmentor/audit';
import { createEvent, type OutgoingEvent, type ProgramStatus } from '@medmentor/contracts';
import { newId } from '@medmentor/domain';
import { hasRole, tenantFilter, type Principal } from '@medmentor/auth';
import {
  getCorrelationId,
  RequestValidationError,
  toPage,
  type FieldError,
  type Page,
} from '@medmentor/platform';
import { TenantService } from '../tenants/tenant.service';
import type { CreateProgramDto } from './dto/create-program.dto';
import type { ListProgramsQuery } from './dto/list-programs.dto';
import type { UpdateProgramDto } from './dto/update-program.dto';
import { IllegalTransitionError } from './errors/illegal-transition.error';
import { ProgramIncompleteError } from './errors/program-incomplete.error';
import { ProgramNotDeletableError } from './errors/program-not-deletable.error';
import { ProgramNotEditableError } from './errors/program-not-editable.error';
import { ProgramNotFoundError } from './errors/program-not-found.error';
import { ProgramVersionConflictError } from './errors/program-version-conflict.error';
import {
  announcesChanges,
  editability,
  FIELDS_LOCKED_AFTER_PUBLISH,
  PARTICIPANT_VISIBLE_STATUSES,
  transition,
  type ProgramAction,
} from './program-lifecycle';
import { settingsOf, toProgramConfig, toProgramView, type ProgramView } from './program.mapper';
import { ProgramRepository, type ProgramChanges, type ProgramRecord } from './program.repository';
import { DEFAULT_SCORING_WEIGHTS, type ProgramSettings } from './program-settings';
import { cycleFrom, weightsFrom } from './program-settings.input';
import { publishIssues, settingsIssues } from './rules/program-settings.rules';

/** The audit action verb of each lifecycle action. */
const PROGRAM_ACTION_AUDIT: Readonly<Record<ProgramAction, string>> = {
  publish: 'published',
  'start-matching': 'matching-started',
  activate: 'activated',
  close: 'closed',
};

/** Admins manage a tenant's programs; mentors and mentees only read published, unclosed ones. */
const managesPrograms = (principal: Principal): boolean =>
  hasRole(principal, 'platform-admin', 'org-admin', 'program-admin');

const eventMeta = (program: ProgramRecord) => ({
  tenantId: program.tenantId,
  source: 'profiles',
  correlationId: getCorrelationId(),
  time: program.updatedAt,
});

/** The event announcing a program's new state after an action or change. */
const eventFor = (program: ProgramRecord, action: ProgramAction | 'change'): OutgoingEvent => {
  if (action === 'publish')
    return createEvent(
      'medmentor.profiles.program.published',
      toProgramConfig(program),
      eventMeta(program),
    );
  if (action === 'close') {
    const closed = {
      programId: program._id,
      tenantId: program.tenantId,
      closedAt: program.updatedAt.toISOString(),
      version: program.version,
    };
    return createEvent('medmentor.profiles.program.closed', closed, eventMeta(program));
  }
  return createEvent(
    'medmentor.profiles.program.updated',
    toProgramConfig(program),
    eventMeta(program),
  );
};

const assertValid = (settings: ProgramSettings): void => {
  const issues = settingsIssues(settings);
  if (issues.length > 0) throw new RequestValidationError(issues);
};

@Injectable()
export class ProgramService {
  constructor(
    private readonly programs: ProgramRepository,
    private readonly tenants: TenantService,
    private readonly audit: AuditLog,
  ) {}

  async create(principal: Principal, dto: CreateProgramDto): Promise<ProgramView> {
    await this.tenants.requireActive(principal);
    const settings: ProgramSettings = {
      ...dto,
      cycle: cycleFrom(dto.cycle),
      scoringWeights:
        dto.scoringWeights === undefined
          ? DEFAULT_SCORING_WEIGHTS
          : weightsFrom(dto.scoringWeights),
    };
    assertValid(settings);
    const now = new Date();
    const program: ProgramRecord = {
      _id: newId(),
      tenantId: principal.tenantId,
      ...settings,
      status: 'draft',
      version: 1,
      createdBy: principal.subject,
      createdAt: now,
      updatedAt: now,
    };
    // A draft is private to its admins: nothing is announced until it is published.
    await this.programs.insert(tenantFilter(principal, program));
    await this.recordAudit(principal, 'program.created', program._id, {
      kind: program.kind,
      matchingMode: program.matchingMode,
    });
    return toProgramView(program);
  }

  async list(principal: Principal, query: ListProgramsQuery): Promise<Page<ProgramView>> {
    const visible = managesPrograms(principal) ? undefined : PARTICIPANT_VISIBLE_STATUSES;
    if (visible !== undefined && query.status !== undefined && !visible.includes(query.status)) {
      return { items: [], nextCursor: null };
    }
    const status = query.status ?? (visible === undefined ? undefined : { $in: visible });
    const filter = tenantFilter(principal, {
      ...(status !== undefined && { status }),
      ...(query.kind !== undefined && { kind: query.kind }),
      ...(query.matchingMode !== undefined && { matchingMode: query.matchingMode }),
    });
    const docs = await this.programs.list(filter, {
      limit: query.limit,
      ...(query.cursor && { after: query.cursor }),
    });
    return toPage(docs, query.limit, toProgramView);
  }

  async get(principal: Principal, programId: string): Promise<ProgramView> {
    return toProgramView(await this.find(principal, programId));
  }

  async update(
    principal: Principal,
    programId: string,
    dto: UpdateProgramDto,
  ): Promise<ProgramView> {
    const current = await this.find(principal, programId);
    const mode = editability(current.status);
    if (mode === 'none') throw new ProgramNotEditableError(programId, current.status);
    if (mode === 'unlocked-fields') {
      const locked = FIELDS_LOCKED_AFTER_PUBLISH.filter(
        (field) => dto[field] !== undefined && dto[field] !== current[field],
      );
      if (locked.length > 0) throw new ProgramNotEditableError(programId, current.status, locked);
    }
    if (dto.version !== current.version)
      throw new ProgramVersionConflictError(programId, dto.version, current.version);

    const { version: _version, cycle, scoringWeights, ...fields } = dto;
    const changes: ProgramChanges = {
      ...Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined)),
      ...(cycle !== undefined && { cycle: cycleFrom(cycle) }),
      ...(scoringWeights !== undefined && { scoringWeights: weightsFrom(scoringWeights) }),
      updatedAt: new Date(),
    };
    const next: ProgramRecord = { ...current, ...changes, version: current.version + 1 };
    const settings = settingsOf(next);
    assertValid(settings);
    if (current.status !== 'draft') this.assertPublishable(programId, settings);

    const events = announcesChanges(current.status) ? [eventFor(next, 'change')] : [];
    await this.write(principal, current, changes, events, dto.version);
    await this.recordAudit(principal, 'program.updated', programId, {
      changedFields: Object.keys(changes).filter((field) => field !== 'updatedAt'),
      version: next.version,
    });
    return toProgramView(next);
  }

  async act(principal: Principal, programId: string, action: ProgramAction): Promise<ProgramView> {
    const current = await this.find(principal, programId);
    const result = transition(current.status, action, current.matchingMode);
    if (!result.ok) throw new IllegalTransitionError(programId, result.reason);
    if (action === 'publish') {
      await this.tenants.requireActive(principal);
      this.assertPublishable(programId, settingsOf(current));
    }
    const now = new Date();
    const changes: ProgramChanges = {
      status: result.to,
      updatedAt: now,
      ...(action === 'publish' && { publishedAt: now }),
      ...(action === 'close' && { closedAt: now }),
    };
    const next: ProgramRecord = { ...current, ...changes, version: current.version + 1 };
    await this.write(
      principal,
      current,
      changes,
      [eventFor(next, action)],
      current.version,
      current.status,
    );
    await this.recordAudit(principal, `program.${PROGRAM_ACTION_AUDIT[action]}`, programId, {
      from: current.status,
      to: result.to,
      version: next.version,
    });
    return toProgramView(next);
  }

  async remove(principal: Principal, programId: string): Promise<void> {
    const current = await this.find(principal, programId);
    if (current.status !== 'draft') throw new ProgramNotDeletableError(programId, current.status);
    if (!(await this.programs.deleteDraft(tenantFilter(principal, { _id: programId })))) {
      // Published (or deleted) meanwhile.
      const now = await this.find(principal, programId);
      throw new ProgramNotDeletableError(programId, now.status);
    }
    await this.recordAudit(principal, 'program.deleted', programId, { status: current.status });
  }

  private async recordAudit(
    principal: Principal,
    action: string,
    programId: string,
    summary: AuditSummary,
  ): Promise<void> {
    await this.audit.record(principal, {
      tenantId: principal.tenantId,
      action,
      resource: { type: 'program', id: programId },
      summary,
    });
  }

  /** The program in the caller's tenant, if the caller may see it; 404 otherwise. */
  private async find(principal: Principal, programId: string): Promise<ProgramRecord> {
    const status = managesPrograms(principal)
      ? {}
      : { status: { $in: PARTICIPANT_VISIBLE_STATUSES } };
    const program = await this.programs.findOne(
      tenantFilter(principal, { _id: programId, ...status }),
    );
    if (program === null) throw new ProgramNotFoundError(programId);
    return program;
  }

  private assertPublishable(programId: string, settings: ProgramSettings): void {
    const issues: FieldError[] = publishIssues(settings);
    if (issues.length > 0) throw new ProgramIncompleteError(programId, issues);
  }

  /** Writes the change with its events if nobody changed the program since it was read. */
  private async write(
    principal: Principal,
    current: ProgramRecord,
    changes: ProgramChanges,
    events: OutgoingEvent[],
    sentVersion: number,
    expectedStatus?: ProgramStatus,
  ): Promise<void> {
    const filter = tenantFilter(principal, {
      _id: current._id,
      ...(expectedStatus !== undefined && { status: expectedStatus }),
    });
    if (
      (await this.programs.updateAtVersion(filter, current.version, changes, events)) === 'updated'
    )
      return;
    const now = await this.find(principal, current._id);
    throw new ProgramVersionConflictError(current._id, sentVersion, now.version);
  }
}
