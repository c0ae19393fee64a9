import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams } from '@medmentor/platform';
import { EVERY_ROLE } from '../access/access';
import { BusyService } from './busy.service';
import {
  blackoutParamsSchema,
  blackoutSchema,
  busyViewSchema,
  physicianParamsSchema,
  uploadCalendarSchema,
  type BlackoutDto,
  type BlackoutParams,
  type PhysicianParams,
  type UploadCalendarDto,
} from './dto/busy.dto';

@ApiTags('busy time')
@ApiAuth()
@Roles(...EVERY_ROLE)
@Controller('api/v1/physicians/:physicianId')
export class BusyController {
  constructor(private readonly busy: BusyService) {}

  @Get('busy')
  @ApiOperation({
    summary: 'A physician’s blackouts and uploaded call schedule (the physician or an admin)',
  })
  @ApiZodResponse(200, busyViewSchema)
  view(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: PhysicianParams,
  ) {
    return this.busy.view(principal, params.physicianId);
  }

  @Put('busy-calendar')
  @ApiOperation({
    summary:
      'Upload a call or shift schedule (.ics text); its events count as busy, replacing the previous upload',
  })
  @ApiZodResponse(200, busyViewSchema)
  upload(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: PhysicianParams,
    @ZodBody(uploadCalendarSchema) body: UploadCalendarDto,
  ) {
    return this.busy.uploadCalendar(principal, params.physicianId, body.ics);
  }

  @Post('blackouts')
  @HttpCode(201)
  @ApiOperation({ summary: 'Block whole local days (e.g. leave, a conference)' })
  @ApiZodResponse(201, busyViewSchema)
  addBlackout(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: PhysicianParams,
    @ZodBody(blackoutSchema) body: BlackoutDto,
  ) {
    return this.busy.addBlackout(principal, params.physicianId, body);
  }

  @Delete('blackouts/:blackoutId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a blackout' })
  async removeBlackout(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(blackoutParamsSchema) params: BlackoutParams,
  ): Promise<void> {
    await this.busy.removeBlackout(principal, params.physicianId, params.blackoutId);
  }
}
