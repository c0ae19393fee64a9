import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@medmentor/platform';
import { listPhysiciansQuerySchema, type ListPhysiciansQuery } from './dto/list-physicians.dto';
import { physicianInputSchema, type PhysicianInput } from './dto/physician-input.schema';
import { physicianParamsSchema, type PhysicianParams } from './dto/physician-params.dto';
import { physicianPageSchema, physicianViewSchema } from './dto/physician-view.dto';
import { updatePhysicianSchema, type UpdatePhysicianDto } from './dto/update-physician.dto';
import { PhysicianService } from './physician.service';

const EVERY_ROLE = ['platform-admin', 'org-admin', 'program-admin', 'mentor', 'mentee'] as const;

@ApiTags('physicians')
@ApiAuth()
@Controller('api/v1/physicians')
export class PhysicianController {
  constructor(private readonly physicians: PhysicianService) {}

  @Post()
  @HttpCode(201)
  @Roles('org-admin', 'program-admin', 'platform-admin')
  @ApiOperation({ summary: 'Register a physician profile in the caller’s tenant (admins)' })
  @ApiZodResponse(201, physicianViewSchema, 'The profile as the caller may see it')
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(physicianInputSchema) body: PhysicianInput,
  ) {
    return this.physicians.create(principal, body);
  }

  @Get()
  @Roles('org-admin', 'program-admin', 'platform-admin')
  @ApiOperation({
    summary: 'List active physicians of the tenant, newest first, with filters (admins)',
  })
  @ApiZodResponse(200, physicianPageSchema, 'A page of profiles as admins may see them')
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(listPhysiciansQuerySchema) query: ListPhysiciansQuery,
  ) {
    return this.physicians.list(principal, query);
  }

  @Get('me')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: 'The profile of the physician named by the token' })
  @ApiZodResponse(200, physicianViewSchema, 'The whole profile')
  me(@CurrentPrincipal() principal: Principal) {
    return this.physicians.me(principal);
  }

  @Get(':physicianId')
  @Roles(...EVERY_ROLE)
  @ApiOperation({
    summary:
      'A profile: all of it for the physician, what the privacy settings allow for admins and other physicians',
  })
  @ApiZodResponse(200, physicianViewSchema, 'The profile as the caller may see it')
  get(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: PhysicianParams,
  ) {
    return this.physicians.get(principal, params.physicianId);
  }

  @Patch(':physicianId')
  @Roles(...EVERY_ROLE)
  @ApiOperation({
    summary: 'Change a profile (the physician or an org admin) with the version last read',
  })
  @ApiZodResponse(200, physicianViewSchema, 'The profile after the change')
  update(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: PhysicianParams,
    @ZodBody(updatePhysicianSchema) body: UpdatePhysicianDto,
  ) {
    return this.physicians.update(principal, params.physicianId, body);
  }

  @Delete(':physicianId')
  @HttpCode(204)
  @Roles(...EVERY_ROLE)
  @ApiOperation({
    summary:
      'Erase a physician’s personal data (the physician or an org admin); a second erase is 404',
  })
  async erase(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: PhysicianParams,
  ): Promise<void> {
    await this.physicians.erase(principal, params.physicianId);
  }
}
