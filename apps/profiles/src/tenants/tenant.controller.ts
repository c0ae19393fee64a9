import { Controller, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentIdentity, Roles, TenantOptional, type Identity } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@medmentor/platform';
import { createTenantSchema, type CreateTenantDto } from './dto/create-tenant.dto';
import { listTenantsQuerySchema, type ListTenantsQuery } from './dto/list-tenants.dto';
import { tenantParamsSchema, type TenantParams } from './dto/tenant-params.dto';
import { tenantPageSchema, tenantViewSchema } from './dto/tenant-view.dto';
import { updateTenantSchema, type UpdateTenantDto } from './dto/update-tenant.dto';
import { TenantService } from './tenant.service';

// Platform administration works across tenants, so these routes accept a platform admin
// without a selected tenant and read the caller as an Identity.
@ApiTags('tenants')
@ApiAuth()
@TenantOptional()
@Controller('api/v1/tenants')
export class TenantController {
  constructor(private readonly tenants: TenantService) {}

  @Post()
  @HttpCode(201)
  @Roles('platform-admin')
  @ApiOperation({ summary: 'Register an organization (platform-admin)' })
  @ApiZodResponse(201, tenantViewSchema, 'The registered tenant')
  register(
    @CurrentIdentity() identity: Identity,
    @ZodBody(createTenantSchema) body: CreateTenantDto,
  ) {
    return this.tenants.register(identity, body);
  }

  @Get()
  @Roles('platform-admin')
  @ApiOperation({ summary: 'List organizations, newest first (platform-admin)' })
  @ApiZodResponse(200, tenantPageSchema, 'A page of tenants')
  list(@ZodQuery(listTenantsQuerySchema) query: ListTenantsQuery) {
    return this.tenants.list(query);
  }

  @Get(':tenantId')
  @Roles('platform-admin', 'org-admin', 'program-admin', 'mentor', 'mentee')
  @ApiOperation({
    summary: "A tenant: any tenant for a platform-admin, otherwise the caller's own",
  })
  @ApiZodResponse(200, tenantViewSchema, 'The tenant')
  get(@CurrentIdentity() identity: Identity, @ZodParams(tenantParamsSchema) params: TenantParams) {
    return this.tenants.get(identity, params.tenantId);
  }

  @Patch(':tenantId')
  @Roles('platform-admin', 'org-admin')
  @ApiOperation({
    summary:
      'Change a tenant (org-admin: its own name, time zone, hospitals and departments; platform-admin: also slug and status)',
  })
  @ApiZodResponse(200, tenantViewSchema, 'The tenant after the change')
  update(
    @CurrentIdentity() identity: Identity,
    @ZodParams(tenantParamsSchema) params: TenantParams,
    @ZodBody(updateTenantSchema) body: UpdateTenantDto,
  ) {
    return this.tenants.update(identity, params.tenantId, body);
  }
}
