import { Controller, Get, HttpCode, Patch, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams, ZodQuery } from '@medmentor/platform';
import { ADMIN_ROLES, EVERY_ROLE } from '../access/access';
import { physicianParamsSchema, type PhysicianParams } from '../busy/dto/busy.dto';
import {
  actionItemParamsSchema,
  actionItemSchema,
  actionItemUpdateSchema,
  agendaItemSchema,
  chooseKickoffSchema,
  feedbackSchema,
  listMeetingsQuerySchema,
  matchParamsSchema,
  meetingParamsSchema,
  notesSchema,
  programParamsSchema,
  rescheduleSchema,
  sequenceSchema,
  suggestQuerySchema,
  type ActionItemDto,
  type ActionItemParams,
  type ActionItemUpdateDto,
  type AgendaItemDto,
  type ChooseKickoffDto,
  type FeedbackDto,
  type ListMeetingsQuery,
  type MatchParams,
  type MeetingParams,
  type NotesDto,
  type ProgramParams,
  type RescheduleDto,
  type SequenceDto,
  type SuggestQuery,
} from './dto/meeting.dto';
import {
  feedbackSummarySchema,
  meetingPageSchema,
  meetingViewSchema,
  slotSuggestionsSchema,
} from './dto/meeting-view.dto';
import { MeetingService } from './meeting.service';

@ApiTags('meetings')
@ApiAuth()
@Roles(...EVERY_ROLE)
@Controller('api/v1')
export class MeetingController {
  constructor(private readonly meetings: MeetingService) {}

  @Get('physicians/:physicianId/meetings')
  @ApiOperation({ summary: 'A physician’s meetings in time order (the physician or an admin)' })
  @ApiZodResponse(200, meetingPageSchema)
  forPhysician(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: PhysicianParams,
    @ZodQuery(listMeetingsQuerySchema) query: ListMeetingsQuery,
  ) {
    return this.meetings.listForPhysician(principal, params.physicianId, query);
  }

  @Get('matches/:matchId/meetings')
  @ApiOperation({ summary: 'A match’s meetings in time order (the pair or an admin)' })
  @ApiZodResponse(200, meetingPageSchema)
  forMatch(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(matchParamsSchema) params: MatchParams,
    @ZodQuery(listMeetingsQuerySchema) query: ListMeetingsQuery,
  ) {
    return this.meetings.listForMatch(principal, params.matchId, query);
  }

  @Get('matches/:matchId/slot-suggestions')
  @ApiOperation({ summary: 'The next common slots of the pair (one per day), in both zones' })
  @ApiZodResponse(200, slotSuggestionsSchema)
  suggest(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(matchParamsSchema) params: MatchParams,
    @ZodQuery(suggestQuerySchema) query: SuggestQuery,
  ) {
    return this.meetings.suggest(principal, params.matchId, query);
  }

  @Post('matches/:matchId/kickoff')
  @HttpCode(201)
  @ApiOperation({
    summary:
      'Choose the kickoff after no common slot was found (the pair or an admin); the series follows it',
  })
  @ApiZodResponse(201, meetingViewSchema)
  chooseKickoff(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(matchParamsSchema) params: MatchParams,
    @ZodBody(chooseKickoffSchema) body: ChooseKickoffDto,
  ) {
    return this.meetings.chooseKickoff(principal, params.matchId, body);
  }

  @Get('meetings/:meetingId')
  @ApiOperation({ summary: 'One meeting with its agenda, notes and action items' })
  @ApiZodResponse(200, meetingViewSchema)
  get(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(meetingParamsSchema) params: MeetingParams,
  ) {
    return this.meetings.get(principal, params.meetingId);
  }

  @Post('meetings/:meetingId/reschedule')
  @HttpCode(200)
  @ApiOperation({
    summary: 'Move a meeting, or it and the rest of its series, to a time both can attend',
  })
  @ApiZodResponse(200, meetingViewSchema)
  reschedule(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(meetingParamsSchema) params: MeetingParams,
    @ZodBody(rescheduleSchema) body: RescheduleDto,
  ) {
    return this.meetings.reschedule(principal, params.meetingId, body);
  }

  @Post('meetings/:meetingId/cancel')
  @HttpCode(200)
  @ApiOperation({ summary: 'Cancel a scheduled meeting' })
  @ApiZodResponse(200, meetingViewSchema)
  cancel(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(meetingParamsSchema) params: MeetingParams,
    @ZodBody(sequenceSchema) body: SequenceDto,
  ) {
    return this.meetings.cancel(principal, params.meetingId, body.sequence);
  }

  @Post('meetings/:meetingId/complete')
  @HttpCode(200)
  @ApiOperation({ summary: 'Mark a meeting that has started as held' })
  @ApiZodResponse(200, meetingViewSchema)
  complete(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(meetingParamsSchema) params: MeetingParams,
  ) {
    return this.meetings.complete(principal, params.meetingId);
  }

  @Post('meetings/:meetingId/agenda')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add an agenda item' })
  @ApiZodResponse(201, meetingViewSchema)
  addAgenda(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(meetingParamsSchema) params: MeetingParams,
    @ZodBody(agendaItemSchema) body: AgendaItemDto,
  ) {
    return this.meetings.addAgendaItem(principal, params.meetingId, body.text);
  }

  @Put('meetings/:meetingId/notes')
  @ApiOperation({ summary: 'Replace the shared notes' })
  @ApiZodResponse(200, meetingViewSchema)
  notes(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(meetingParamsSchema) params: MeetingParams,
    @ZodBody(notesSchema) body: NotesDto,
  ) {
    return this.meetings.setNotes(principal, params.meetingId, body.notes);
  }

  @Post('meetings/:meetingId/action-items')
  @HttpCode(201)
  @ApiOperation({ summary: 'Add an action item with its owner and due date' })
  @ApiZodResponse(201, meetingViewSchema)
  addActionItem(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(meetingParamsSchema) params: MeetingParams,
    @ZodBody(actionItemSchema) body: ActionItemDto,
  ) {
    return this.meetings.addActionItem(principal, params.meetingId, body);
  }

  @Patch('meetings/:meetingId/action-items/:itemId')
  @ApiOperation({ summary: 'Mark an action item done or open' })
  @ApiZodResponse(200, meetingViewSchema)
  updateActionItem(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(actionItemParamsSchema) params: ActionItemParams,
    @ZodBody(actionItemUpdateSchema) body: ActionItemUpdateDto,
  ) {
    return this.meetings.setActionItemStatus(
      principal,
      params.meetingId,
      params.itemId,
      body.status,
    );
  }

  @Post('meetings/:meetingId/feedback')
  @HttpCode(201)
  @ApiOperation({ summary: 'Rate a completed meeting (once per side)' })
  @ApiZodResponse(201, meetingViewSchema)
  feedback(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(meetingParamsSchema) params: MeetingParams,
    @ZodBody(feedbackSchema) body: FeedbackDto,
  ) {
    return this.meetings.giveFeedback(principal, params.meetingId, body);
  }

  @Get('programs/:programId/feedback-summary')
  @Roles(...ADMIN_ROLES)
  @ApiOperation({ summary: 'Feedback aggregates of a program’s meetings (admins)' })
  @ApiZodResponse(200, feedbackSummarySchema)
  feedbackSummary(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
  ) {
    return this.meetings.feedbackSummary(principal, params.programId);
  }
}
