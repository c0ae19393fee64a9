import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams } from '@medmentor/platform';
import { EVERY_ROLE } from '../access/access';
import {
  resourceListSchema,
  resourceSchema,
  resourceViewSchema,
  type ResourceDto,
} from '../programs/dto/program-content.dto';
import {
  matchParamsSchema,
  matchResourceParamsSchema,
  type MatchParams,
  type MatchResourceParams,
} from './dto/meeting.dto';
import { MatchResourceService } from './match-resource.service';

@ApiTags('resources')
@ApiAuth()
@Roles(...EVERY_ROLE)
@Controller('api/v1/matches/:matchId/resources')
export class MatchResourceController {
  constructor(private readonly resources: MatchResourceService) {}

  @Get()
  @ApiOperation({ summary: 'The links a pair shares for their mentorship (the pair or an admin)' })
  @ApiZodResponse(200, resourceListSchema)
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(matchParamsSchema) params: MatchParams,
  ) {
    return this.resources.list(principal, params.matchId);
  }

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Share a titled link with the pair (the pair or an admin)' })
  @ApiZodResponse(201, resourceViewSchema)
  add(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(matchParamsSchema) params: MatchParams,
    @ZodBody(resourceSchema) body: ResourceDto,
  ) {
    return this.resources.add(principal, params.matchId, body);
  }

  @Delete(':resourceId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a shared link (the pair or an admin)' })
  async remove(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(matchResourceParamsSchema) params: MatchResourceParams,
  ): Promise<void> {
    await this.resources.remove(principal, params.matchId, params.resourceId);
  }
}
