import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiAuth, CurrentPrincipal, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodParams, ZodQuery } from '@medmentor/platform';
import {
  inboxMessageParamsSchema,
  inboxPageSchema,
  inboxQuerySchema,
  unreadCountSchema,
  type InboxQuery,
} from './inbox.dto';
import { InboxService } from './inbox.service';

@ApiTags('inbox')
@ApiAuth()
@Controller('api/v1/inbox')
export class InboxController {
  constructor(private readonly inbox: InboxService) {}

  @Get()
  @ApiOperation({
    summary: "The caller's in-app messages, newest first (`unread=true` for unread only)",
  })
  @ApiZodResponse(200, inboxPageSchema, 'A page of messages')
  list(@CurrentPrincipal() principal: Principal, @ZodQuery(inboxQuerySchema) query: InboxQuery) {
    return this.inbox.list(principal, query);
  }

  @Get('unread-count')
  @ApiOperation({ summary: "How many of the caller's messages are unread" })
  @ApiZodResponse(200, unreadCountSchema, 'The unread count')
  unreadCount(@CurrentPrincipal() principal: Principal) {
    return this.inbox.unreadCount(principal);
  }

  @Post(':messageId/read')
  @HttpCode(204)
  @ApiOperation({ summary: 'Mark one of the caller’s messages read (idempotent)' })
  markRead(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(inboxMessageParamsSchema) params: z.infer<typeof inboxMessageParamsSchema>,
  ) {
    return this.inbox.markRead(principal, params.messageId);
  }
}
