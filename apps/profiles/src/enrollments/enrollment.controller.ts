import { Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@medmentor/platform';
import {
  createEnrollmentSchema,
  submitRankListSchema,
  updateEnrollmentSchema,
  type CreateEnrollmentDto,
  type SubmitRankListDto,
  type UpdateEnrollmentDto,
} from './dto/enrollment-input.schema';
import { enrollmentParamsSchema, type EnrollmentParams } from './dto/enrollment-params.dto';
import { enrollmentPageSchema, enrollmentViewSchema } from './dto/enrollment-view.dto';
import { listEnrollmentsQuerySchema, type ListEnrollmentsQuery } from './dto/list-enrollments.dto';
import { EnrollmentService } from './enrollment.service';
import { RankListService } from './rank-list.service';

const EVERY_ROLE = ['platform-admin', 'org-admin', 'program-admin', 'mentor', 'mentee'] as const;

@ApiTags('enrollments')
@ApiAuth()
@Roles(...EVERY_ROLE)
@Controller('api/v1/enrollments')
export class EnrollmentController {
  constructor(
    private readonly enrollments: EnrollmentService,
    private readonly rankLists: RankListService,
  ) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Enroll in a program as mentee, mentor or peer (a physician: themself; admins: anyone of the tenant)',
  })
  @ApiZodResponse(201, enrollmentViewSchema, 'The enrollment')
  enroll(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(createEnrollmentSchema) body: CreateEnrollmentDto,
  ) {
    return this.enrollments.enroll(principal, body);
  }

  @Get()
  @ApiOperation({
    summary:
      'List enrollments, newest first, with filters (physicians: their own; admins: the tenant’s)',
  })
  @ApiZodResponse(200, enrollmentPageSchema, 'A page of enrollments')
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(listEnrollmentsQuerySchema) query: ListEnrollmentsQuery,
  ) {
    return this.enrollments.list(principal, query);
  }

  @Get(':enrollmentId')
  @ApiOperation({ summary: 'An enrollment (its physician or an admin of the tenant)' })
  @ApiZodResponse(200, enrollmentViewSchema, 'The enrollment')
  get(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(enrollmentParamsSchema) params: EnrollmentParams,
  ) {
    return this.enrollments.get(principal, params.enrollmentId);
  }

  @Patch(':enrollmentId')
  @ApiOperation({
    summary: 'Change roles, topics, preferences or capacity with the version last read',
  })
  @ApiZodResponse(200, enrollmentViewSchema, 'The enrollment after the change')
  update(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(enrollmentParamsSchema) params: EnrollmentParams,
    @ZodBody(updateEnrollmentSchema) body: UpdateEnrollmentDto,
  ) {
    return this.enrollments.update(principal, params.enrollmentId, body);
  }

  @Post(':enrollmentId/withdraw')
  @HttpCode(200)
  @ApiOperation({ summary: 'Withdraw from the program (a second withdrawal is 409)' })
  @ApiZodResponse(200, enrollmentViewSchema, 'The withdrawn enrollment')
  withdraw(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(enrollmentParamsSchema) params: EnrollmentParams,
  ) {
    return this.enrollments.withdraw(principal, params.enrollmentId);
  }

  @Put(':enrollmentId/rank-list')
  @ApiOperation({
    summary:
      'Replace the rank list (national-ranked programs; mentees rank mentors, mentors rank mentees) until the deadline',
  })
  @ApiZodResponse(200, enrollmentViewSchema, 'The enrollment with its new rank list')
  submitRankList(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(enrollmentParamsSchema) params: EnrollmentParams,
    @ZodBody(submitRankListSchema) body: SubmitRankListDto,
  ) {
    return this.rankLists.submit(principal, params.enrollmentId, body);
  }
}
