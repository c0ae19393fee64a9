import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@medmentor/platform';
import {
  programParamsSchema,
  runParamsSchema,
  type ProgramParams,
  type RunParams,
} from '../runs/dto/run.dto';
import { ADMINS } from '../runs/match-run.controller';
import {
  declineSchema,
  listMatchesQuerySchema,
  manualMatchSchema,
  matchPageSchema,
  matchParamsSchema,
  matchViewSchema,
  publishResultSchema,
  type DeclineDto,
  type ListMatchesQuery,
  type ManualMatchDto,
  type MatchParams,
} from './dto/match.dto';
import { MatchService } from './match.service';

const EVERYONE = [...ADMINS, 'mentor', 'mentee'] as const;

@ApiTags('matches')
@ApiAuth()
@Controller('api/v1')
export class MatchController {
  constructor(private readonly matches: MatchService) {}

  @Post('match-runs/:runId/publish')
  @HttpCode(200)
  @Roles(...ADMINS)
  @ApiOperation({
    summary: 'Publish a completed, verified run: propose each of its matches to both sides',
  })
  @ApiZodResponse(200, publishResultSchema, 'How many matches were proposed and skipped')
  publish(@CurrentPrincipal() principal: Principal, @ZodParams(runParamsSchema) params: RunParams) {
    return this.matches.publish(principal, params.runId);
  }

  @Post('programs/:programId/matches')
  @HttpCode(201)
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Match a mentee and a mentor by hand (hard constraints still apply)' })
  @ApiZodResponse(201, matchViewSchema, 'The proposed match')
  manual(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
    @ZodBody(manualMatchSchema) body: ManualMatchDto,
  ) {
    return this.matches.manual(principal, params.programId, body);
  }

  @Get('matches')
  @Roles(...EVERYONE)
  @ApiOperation({
    summary:
      'Matches of the tenant (administrators) or the caller’s own (physicians), newest first',
  })
  @ApiZodResponse(200, matchPageSchema, 'A page of matches')
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(listMatchesQuerySchema) query: ListMatchesQuery,
  ) {
    return this.matches.list(principal, query);
  }

  @Get('matches/:matchId')
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'A match, for an administrator or either physician' })
  @ApiZodResponse(200, matchViewSchema, 'The match')
  get(@CurrentPrincipal() principal: Principal, @ZodParams(matchParamsSchema) params: MatchParams) {
    return this.matches.get(principal, params.matchId);
  }

  @Post('matches/:matchId/accept')
  @HttpCode(200)
  @Roles(...EVERYONE)
  @ApiOperation({
    summary: 'Accept a proposed match (the mentee or mentor themself, before the deadline)',
  })
  @ApiZodResponse(200, matchViewSchema, 'The match; activated once both sides accepted')
  accept(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(matchParamsSchema) params: MatchParams,
  ) {
    return this.matches.accept(principal, params.matchId);
  }

  @Post('matches/:matchId/decline')
  @HttpCode(200)
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'Decline a proposed match (the mentee or mentor themself)' })
  @ApiZodResponse(200, matchViewSchema, 'The declined match')
  decline(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(matchParamsSchema) params: MatchParams,
    @ZodBody(declineSchema) body: DeclineDto,
  ) {
    return this.matches.decline(principal, params.matchId, body.reason);
  }

  @Post('matches/:matchId/rematch')
  @HttpCode(201)
  @Roles(...ADMINS)
  @ApiOperation({
    summary:
      'After a decline or expiry, propose the next best available mentor for the same mentee and role',
  })
  @ApiZodResponse(201, matchViewSchema, 'The new proposed match')
  rematch(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(matchParamsSchema) params: MatchParams,
  ) {
    return this.matches.rematch(principal, params.matchId);
  }

  @Post('matches/:matchId/unmatch')
  @HttpCode(200)
  @Roles(...ADMINS)
  @ApiOperation({ summary: 'Undo a proposed or active match (administrators)' })
  @ApiZodResponse(200, matchViewSchema, 'The ended match')
  unmatch(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(matchParamsSchema) params: MatchParams,
  ) {
    return this.matches.unmatch(principal, params.matchId);
  }

  @Post('matches/:matchId/end')
  @HttpCode(200)
  @Roles(...EVERYONE)
  @ApiOperation({ summary: 'End an active mentorship (either physician or an administrator)' })
  @ApiZodResponse(200, matchViewSchema, 'The ended match')
  end(@CurrentPrincipal() principal: Principal, @ZodParams(matchParamsSchema) params: MatchParams) {
    return this.matches.end(principal, params.matchId);
  }
}
