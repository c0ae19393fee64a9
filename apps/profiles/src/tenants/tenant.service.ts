import { Injectable } from '@nestjs/common';
import { AuditLog } from '@medmentor/audit';
import { createEvent, type OutgoingEvent, type TenantSnapshot } from '@medmentor/contracts';
import { newId } from '@medmentor/domain';
import { hasRole, tenantContext, type Identity, type TenantContext } from '@medmentor/auth';
import { getCorrelationId, RequestValidationError, toPage, type Page } from '@medmentor/platform';
import type { CreateTenantDto } from './dto/create-tenant.dto';
import type { ListTenantsQuery } from './dto/list-tenants.dto';
import type { TenantView } from './dto/tenant-view.dto';
import { PLATFORM_ADMIN_TENANT_FIELDS, type UpdateTenantDto } from './dto/update-tenant.dto';
import { TenantConflictError } from './errors/tenant-conflict.error';
import { TenantFieldForbiddenError } from './errors/tenant-field-forbidden.error';
import { TenantInactiveError } from './errors/tenant-inactive.error';
import { TenantNotFoundError } from './errors/tenant-not-found.error';
import { TenantVersionConflictError } from './errors/tenant-version-conflict.error';
import { assignUnitIds } from './hospital-directory';
import { TenantRepository, type TenantChanges, type TenantRecord } from './tenant.repository';

export const toTenantView = (tenant: TenantRecord): TenantView => ({
  id: tenant._id,
  name: tenant.name,
  slug: tenant.slug,
  kind: tenant.kind,
  timeZone: tenant.timeZone,
  status: tenant.status,
  hospitals: tenant.hospitals,
  version: tenant.version,
  createdAt: tenant.createdAt,
  updatedAt: tenant.updatedAt,
});

const snapshotOf = (tenant: TenantRecord): TenantSnapshot => ({
  tenantId: tenant._id,
  name: tenant.name,
  slug: tenant.slug,
  kind: tenant.kind,
  timeZone: tenant.timeZone,
  status: tenant.status,
  hospitals: tenant.hospitals,
  version: tenant.version,
});

const tenantEvent = (
  type: 'medmentor.profiles.tenant.registered' | 'medmentor.profiles.tenant.updated',
  tenant: TenantRecord,
): OutgoingEvent =>
  createEvent(type, snapshotOf(tenant), {
    tenantId: tenant._id,
    source: 'profiles',
    correlationId: getCorrelationId(),
    time: tenant.updatedAt,
  });

@Injectable()
export class TenantService {
  constructor(
    private readonly tenants: TenantRepository,
    private readonly audit: AuditLog,
  ) {}

  async register(identity: Identity, dto: CreateTenantDto): Promise<TenantView> {
    const now = new Date();
    const tenant: TenantRecord = {
      _id: dto.id ?? newId(),
      name: dto.name,
      slug: dto.slug,
      kind: dto.kind,
      timeZone: dto.timeZone,
      status: 'active',
      hospitals: assignUnitIds(dto.hospitals, newId),
      version: 1,
      createdBy: identity.subject,
      createdAt: now,
      updatedAt: now,
    };
    const result = await this.tenants.insert(tenant, [
      tenantEvent('medmentor.profiles.tenant.registered', tenant),
    ]);
    if (result === 'duplicate-id') throw new TenantConflictError('id', tenant._id);
    if (result === 'duplicate-slug') throw new TenantConflictError('slug', tenant.slug);
    await this.audit.record(identity, {
      tenantId: tenant._id,
      action: 'tenant.registered',
      resource: { type: 'tenant', id: tenant._id },
      summary: { kind: tenant.kind, hospitals: tenant.hospitals.length },
    });
    return toTenantView(tenant);
  }

  async list(query: ListTenantsQuery): Promise<Page<TenantView>> {
    const filter = {
      ...(query.kind && { kind: query.kind }),
      ...(query.status && { status: query.status }),
    };
    const docs = await this.tenants.listAll(filter, {
      limit: query.limit,
      ...(query.cursor && { after: query.cursor }),
    });
    return toPage(docs, query.limit, toTenantView);
  }

  async get(identity: Identity, tenantId: string): Promise<TenantView> {
    return toTenantView(await this.visible(identity, tenantId));
  }

  async update(identity: Identity, tenantId: string, dto: UpdateTenantDto): Promise<TenantView> {
    const current = await this.visible(identity, tenantId);
    const forbidden = PLATFORM_ADMIN_TENANT_FIELDS.filter((field) => dto[field] !== undefined);
    if (forbidden.length > 0 && !hasRole(identity, 'platform-admin'))
      throw new TenantFieldForbiddenError(forbidden);
    if (dto.version !== current.version)
      throw new TenantVersionConflictError(tenantId, dto.version, current.version);
    if (
      dto.hospitals !== undefined &&
      dto.hospitals.length > 0 &&
      current.kind !== 'health-system'
    ) {
      throw new RequestValidationError([
        { field: 'hospitals', message: 'only a health system has hospitals' },
      ]);
    }

    if (dto.slug !== undefined && (await this.tenants.slugTaken(dto.slug, tenantId))) {
      throw new TenantConflictError('slug', dto.slug);
    }

    const changes: TenantChanges = {
      ...(dto.name !== undefined && { name: dto.name }),
      ...(dto.slug !== undefined && { slug: dto.slug }),
      ...(dto.timeZone !== undefined && { timeZone: dto.timeZone }),
      ...(dto.status !== undefined && { status: dto.status }),
      ...(dto.hospitals !== undefined && { hospitals: assignUnitIds(dto.hospitals, newId) }),
      updatedAt: new Date(),
    };
    const next: TenantRecord = { ...current, ...changes, version: current.version + 1 };
    const context = tenantContext({ tenantId });
    const result = await this.tenants.updateAtVersion(context, current.version, changes, [
      tenantEvent('medmentor.profiles.tenant.updated', next),
    ]);
    if (result === 'duplicate-slug') throw new TenantConflictError('slug', changes.slug ?? '');
    if (result === 'stale') {
      const now = await this.tenants.findOne(context);
      if (now === null) throw new TenantNotFoundError(tenantId);
      throw new TenantVersionConflictError(tenantId, dto.version, now.version);
    }
    await this.audit.record(identity, {
      tenantId,
      action: 'tenant.updated',
      resource: { type: 'tenant', id: tenantId },
      summary: {
        changedFields: Object.keys(changes).filter((field) => field !== 'updatedAt'),
        version: next.version,
        ...(changes.status !== undefined && { status: changes.status }),
      },
    });
    return toTenantView(next);
  }

  /** The caller's tenant, if it is registered and active: programs and profiles are created only there. */
  async requireActive(context: TenantContext): Promise<TenantRecord> {
    const tenant = await this.tenants.findOne(context);
    if (tenant === null) throw new TenantInactiveError(context.tenantId, 'not-registered');
    if (tenant.status !== 'active') throw new TenantInactiveError(context.tenantId, 'suspended');
    return tenant;
  }

  /** A platform admin sees every tenant; anyone else only their own (others are 404, not 403). */
  private async visible(identity: Identity, tenantId: string): Promise<TenantRecord> {
    if (!hasRole(identity, 'platform-admin') && identity.tenantId !== tenantId)
      throw new TenantNotFoundError(tenantId);
    const tenant = await this.tenants.findOne(tenantContext({ tenantId }));
    if (tenant === null) throw new TenantNotFoundError(tenantId);
    return tenant;
  }
}
