import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@medmentor/platform';
import {
  listQuerySchema,
  programParamsSchema,
  runMatchPageSchema,
  runPageSchema,
  runParamsSchema,
  runViewSchema,
  startRunSchema,
  type ListQuery,
  type ProgramParams,
  type RunParams,
  type StartRunDto,
} from './dto/run.dto';
import { MatchRunService } from './match-run.service';

export const ADMINS = ['program-admin', 'org-admin', 'platform-admin'] as const;

@ApiTags('match runs')
@ApiAuth()
@Roles(...ADMINS)
@Controller('api/v1')
export class MatchRunController {
  constructor(private readonly runs: MatchRunService) {}

  @Post('programs/:programId/match-runs')
  @HttpCode(202)
  @ApiOperation({
    summary:
      'Start a match run of a program (cohort: exact assignment or boards; national: deferred acceptance); runs in the background',
  })
  @ApiZodResponse(202, runViewSchema, 'The queued run; follow it with GET or the run events')
  start(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
    @ZodBody(startRunSchema) body: StartRunDto,
  ) {
    return this.runs.start(principal, params.programId, body);
  }

  @Get('programs/:programId/match-runs')
  @ApiOperation({ summary: 'The runs of a program, newest first' })
  @ApiZodResponse(200, runPageSchema, 'A page of runs')
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
    @ZodQuery(listQuerySchema) query: ListQuery,
  ) {
    return this.runs.list(principal, params.programId, query);
  }

  @Get('match-runs/:runId')
  @ApiOperation({
    summary:
      'A run: status, progress, input hash, algorithm, parameters, verification, summary, timings',
  })
  @ApiZodResponse(200, runViewSchema, 'The run record')
  get(@CurrentPrincipal() principal: Principal, @ZodParams(runParamsSchema) params: RunParams) {
    return this.runs.get(principal, params.runId);
  }

  @Get('match-runs/:runId/matches')
  @ApiOperation({ summary: 'The matches a run produced, with scores and explanations' })
  @ApiZodResponse(200, runMatchPageSchema, 'A page of the run’s matches')
  matches(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(runParamsSchema) params: RunParams,
    @ZodQuery(listQuerySchema) query: ListQuery,
  ) {
    return this.runs.matches(principal, params.runId, query);
  }
}
