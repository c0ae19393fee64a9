import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams } from '@medmentor/platform';
import { ADMIN_ROLES, EVERY_ROLE } from '../access/access';
import {
  agendaTemplateListSchema,
  agendaTemplateSchema,
  agendaTemplateViewSchema,
  programParamsSchema,
  programResourceParamsSchema,
  resourceListSchema,
  resourceSchema,
  resourceViewSchema,
  templateParamsSchema,
  type AgendaTemplateDto,
  type ProgramParams,
  type ProgramResourceParams,
  type ResourceDto,
  type TemplateParams,
} from './dto/program-content.dto';
import { ProgramContentService } from './program-content.service';

@ApiTags('programs')
@ApiAuth()
@Controller('api/v1/programs/:programId')
export class ProgramContentController {
  constructor(private readonly content: ProgramContentService) {}

  @Get('agenda-templates')
  @Roles(...ADMIN_ROLES)
  @ApiOperation({ summary: 'The program’s agenda templates per phase (admins)' })
  @ApiZodResponse(200, agendaTemplateListSchema)
  templates(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
  ) {
    return this.content.listTemplates(principal, params.programId);
  }

  @Put('agenda-templates/:phase')
  @Roles(...ADMIN_ROLES)
  @ApiOperation({
    summary: 'Set the agenda that new meetings of a phase start with (admins)',
  })
  @ApiZodResponse(200, agendaTemplateViewSchema)
  putTemplate(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(templateParamsSchema) params: TemplateParams,
    @ZodBody(agendaTemplateSchema) body: AgendaTemplateDto,
  ) {
    return this.content.putTemplate(principal, params.programId, params.phase, body.items);
  }

  @Delete('agenda-templates/:phase')
  @Roles(...ADMIN_ROLES)
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a phase’s agenda template (admins)' })
  async removeTemplate(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(templateParamsSchema) params: TemplateParams,
  ): Promise<void> {
    await this.content.removeTemplate(principal, params.programId, params.phase);
  }

  @Get('resources')
  @Roles(...EVERY_ROLE)
  @ApiOperation({ summary: 'The program’s resource library (everyone in the tenant)' })
  @ApiZodResponse(200, resourceListSchema)
  library(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
  ) {
    return this.content.listLibrary(principal, params.programId);
  }

  @Post('resources')
  @Roles(...ADMIN_ROLES, 'mentor')
  @HttpCode(201)
  @ApiOperation({ summary: 'Share a titled link in the program’s library (admins, mentors)' })
  @ApiZodResponse(201, resourceViewSchema)
  share(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
    @ZodBody(resourceSchema) body: ResourceDto,
  ) {
    return this.content.share(principal, params.programId, body);
  }

  @Delete('resources/:resourceId')
  @Roles(...ADMIN_ROLES, 'mentor')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a library entry (admins; a mentor their own)' })
  async unshare(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programResourceParamsSchema) params: ProgramResourceParams,
  ): Promise<void> {
    await this.content.unshare(principal, params.programId, params.resourceId);
  }
}
