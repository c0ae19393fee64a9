import { Controller, Delete, Get, Header, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiProduces, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiAuth, CurrentPrincipal, Public, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, DomainError, ZodParams } from '@medmentor/platform';
import { EVERY_ROLE } from '../access/access';
import { physicianParamsSchema, type PhysicianParams } from '../busy/dto/busy.dto';
import { meetingParamsSchema, type MeetingParams } from '../meetings/dto/meeting.dto';
import { CalendarService } from './calendar.service';

const feedParamsSchema = z.strictObject({
  token: z.string().regex(/^[A-Za-z0-9_-]{43}\.ics$/, { error: 'is not a feed token' }),
});
const feedUrlSchema = z.object({ url: z.string(), createdAt: z.iso.datetime() });
const CALENDAR = 'text/calendar; charset=utf-8';

@ApiTags('calendars')
@Controller('api/v1')
export class CalendarController {
  constructor(private readonly calendars: CalendarService) {}

  @Get('meetings/:meetingId/invitation.ics')
  @ApiAuth()
  @Roles(...EVERY_ROLE)
  @Header('Content-Type', CALENDAR)
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary: 'The meeting as an iCalendar invitation (UTC times, stable UID, SEQUENCE)',
  })
  invitation(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(meetingParamsSchema) params: MeetingParams,
  ) {
    return this.calendars.invitation(principal, params.meetingId);
  }

  @Post('physicians/:physicianId/calendar-feed')
  @ApiAuth()
  @Roles(...EVERY_ROLE)
  @HttpCode(201)
  @ApiOperation({
    summary: 'Issue a calendar feed URL with a new secret token (the old one stops working)',
  })
  @ApiZodResponse(201, feedUrlSchema)
  issue(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: PhysicianParams,
  ) {
    return this.calendars.issueFeed(principal, params.physicianId);
  }

  @Delete('physicians/:physicianId/calendar-feed')
  @ApiAuth()
  @Roles(...EVERY_ROLE)
  @HttpCode(204)
  @ApiOperation({ summary: 'Revoke the calendar feed URL' })
  async revoke(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: PhysicianParams,
  ): Promise<void> {
    await this.calendars.revokeFeed(principal, params.physicianId);
  }

  @Public()
  @Get('calendar-feeds/:token')
  @Header('Content-Type', CALENDAR)
  @ApiProduces('text/calendar')
  @ApiOperation({
    summary:
      'A physician’s meetings as a subscribable calendar; the secret token in the URL is the credential',
  })
  async feed(@ZodParams(feedParamsSchema) params: { token: string }): Promise<string> {
    const text = await this.calendars.feed(params.token.replace(/\.ics$/, ''));
    if (text === null) {
      throw new DomainError({
        code: 'calendar-feed-not-found',
        status: 404,
        title: 'Calendar feed not found',
        detail: 'The feed does not exist or was revoked.',
      });
    }
    return text;
  }
}
