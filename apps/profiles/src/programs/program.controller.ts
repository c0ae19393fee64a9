import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@medmentor/platform';
import { createProgramSchema, type CreateProgramDto } from './dto/create-program.dto';
import { listProgramsQuerySchema, type ListProgramsQuery } from './dto/list-programs.dto';
import { programParamsSchema, type ProgramParams } from './dto/program-params.dto';
import { programPageSchema, programViewSchema } from './dto/program-view.dto';
import { updateProgramSchema, type UpdateProgramDto } from './dto/update-program.dto';
import { ProgramService } from './program.service';

const ADMINS = ['org-admin', 'program-admin', 'platform-admin'] as const;

@ApiTags('programs')
@ApiAuth()
@Roles(...ADMINS)
@Controller('api/v1/programs')
export class ProgramController {
  constructor(private readonly programs: ProgramService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Create a draft program' })
  @ApiZodResponse(201, programViewSchema, 'The draft program')
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(createProgramSchema) body: CreateProgramDto,
  ) {
    return this.programs.create(principal, body);
  }

  @Get()
  @Roles(...ADMINS, 'mentor', 'mentee')
  @ApiOperation({
    summary:
      "List the tenant's programs, newest first (mentors and mentees: open, matching and active only)",
  })
  @ApiZodResponse(200, programPageSchema, 'A page of programs')
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(listProgramsQuerySchema) query: ListProgramsQuery,
  ) {
    return this.programs.list(principal, query);
  }

  @Get(':programId')
  @Roles(...ADMINS, 'mentor', 'mentee')
  @ApiOperation({ summary: 'A program (mentors and mentees: only when open, matching or active)' })
  @ApiZodResponse(200, programViewSchema, 'The program')
  get(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
  ) {
    return this.programs.get(principal, params.programId);
  }

  @Patch(':programId')
  @ApiOperation({
    summary: 'Change a program with the version last read (kind and matching mode: drafts only)',
  })
  @ApiZodResponse(200, programViewSchema, 'The program after the change')
  update(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
    @ZodBody(updateProgramSchema) body: UpdateProgramDto,
  ) {
    return this.programs.update(principal, params.programId, body);
  }

  @Delete(':programId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Delete a draft program' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
  ): Promise<void> {
    await this.programs.remove(principal, params.programId);
  }

  @Post(':programId/publish')
  @HttpCode(200)
  @ApiOperation({ summary: 'Publish a draft: it opens for enrollment (draft → open)' })
  @ApiZodResponse(200, programViewSchema, 'The published program')
  publish(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
  ) {
    return this.programs.act(principal, params.programId, 'publish');
  }

  @Post(':programId/start-matching')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Close enrollment and start matching (open → matching; not for self-match)',
  })
  @ApiZodResponse(200, programViewSchema, 'The program')
  startMatching(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
  ) {
    return this.programs.act(principal, params.programId, 'start-matching');
  }

  @Post(':programId/activate')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Start the mentorship period (matching → active; self-match: open → active)',
  })
  @ApiZodResponse(200, programViewSchema, 'The program')
  activate(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
  ) {
    return this.programs.act(principal, params.programId, 'activate');
  }

  @Post(':programId/close')
  @HttpCode(200)
  @ApiOperation({ summary: 'Close the program (open, matching or active → closed)' })
  @ApiZodResponse(200, programViewSchema, 'The closed program')
  close(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
  ) {
    return this.programs.act(principal, params.programId, 'close');
  }
}
