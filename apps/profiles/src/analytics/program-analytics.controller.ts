import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodParams, ZodQuery } from '@medmentor/platform';
import { programParamsSchema, type ProgramParams } from '../programs/dto/program-params.dto';
import { analyticsQuerySchema, type AnalyticsQuery } from './dto/analytics-query.dto';
import { programAnalyticsViewSchema } from './dto/program-analytics-view.dto';
import { ProgramAnalyticsService } from './program-analytics.service';

@ApiTags('analytics')
@ApiAuth()
@Roles('org-admin', 'program-admin', 'platform-admin')
@Controller('api/v1/programs')
export class ProgramAnalyticsController {
  constructor(private readonly analytics: ProgramAnalyticsService) {}

  @Get(':programId/analytics')
  @ApiOperation({
    summary:
      "A program's figures for a period: enrollments, match outcomes, time to first meeting, check-ins, health, milestones",
  })
  @ApiZodResponse(200, programAnalyticsViewSchema, 'The figures')
  get(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
    @ZodQuery(analyticsQuerySchema) query: AnalyticsQuery,
  ) {
    return this.analytics.figures(principal, params.programId, query);
  }
}
