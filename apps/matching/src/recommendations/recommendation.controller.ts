import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@medmentor/platform';
import { matchViewSchema } from '../matches/dto/match.dto';
import { MatchService } from '../matches/match.service';
import { programParamsSchema, type ProgramParams } from '../runs/dto/run.dto';
import { ADMINS } from '../runs/match-run.controller';
import {
  matchRequestSchema,
  recommendationListSchema,
  recommendationQuerySchema,
  type MatchRequestDto,
  type RecommendationQuery,
} from './dto/recommendation.dto';
import { RecommendationService } from './recommendation.service';

@ApiTags('recommendations')
@ApiAuth()
@Roles(...ADMINS, 'mentee')
@Controller('api/v1/programs/:programId')
export class RecommendationController {
  constructor(
    private readonly recommendations: RecommendationService,
    private readonly matches: MatchService,
  ) {}

  @Get('recommendations')
  @ApiOperation({
    summary:
      'The k best mentors for a mentee’s seat, each score explained (the mentee themself or admins)',
  })
  @ApiZodResponse(200, recommendationListSchema, 'Mentors, best first')
  recommend(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
    @ZodQuery(recommendationQuerySchema) query: RecommendationQuery,
  ) {
    return this.recommendations.recommend(principal, params.programId, query);
  }

  @Post('match-requests')
  @HttpCode(201)
  @ApiOperation({
    summary: 'A mentee asks a mentor (self-match): a proposal the mentor accepts or declines',
  })
  @ApiZodResponse(201, matchViewSchema, 'The proposed match, accepted by the mentee')
  async request(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
    @ZodBody(matchRequestSchema) body: MatchRequestDto,
  ) {
    await this.recommendations.requireOwnEnrollment(
      principal,
      params.programId,
      body.menteeEnrollmentId,
    );
    return this.matches.request(principal, params.programId, body);
  }
}
