import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ZodBody, ZodParams } from '@medmentor/platform';
import { DiagnosticPingService } from './diagnostic-ping.service';
import { pingIdParamsSchema, sendPingSchema, type PingIdParams, type SendPingDto } from './dto/send-ping.dto';

@ApiTags('diagnostics')
@ApiAuth()
@Roles('org-admin', 'platform-admin')
@Controller('api/v1/diagnostics/pings')
export class DiagnosticPingController {
  constructor(private readonly pings: DiagnosticPingService) {}

  @Post()
  @HttpCode(202)
  @ApiOperation({ summary: 'Send a ping event through the outbox to check the event pipeline' })
  send(@CurrentPrincipal() principal: Principal, @ZodBody(sendPingSchema) body: SendPingDto) {
    return this.pings.send(principal, body);
  }

  @Get(':pingId')
  @ApiOperation({ summary: 'A ping, and whether its event has left the outbox' })
  get(@CurrentPrincipal() principal: Principal, @ZodParams(pingIdParamsSchema) params: PingIdParams) {
    return this.pings.get(principal, params.pingId);
  }
}
