import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ZodParams } from '@medmentor/platform';
import { PingReceiptService } from './ping-receipt.service';

const pingIdParams = z.strictObject({ pingId: z.uuid() });

@ApiTags('diagnostics')
@ApiAuth()
@Roles('org-admin', 'platform-admin')
@Controller('api/v1/diagnostics/ping-receipts')
export class PingReceiptController {
  constructor(private readonly receipts: PingReceiptService) {}

  @Get(':pingId')
  @ApiOperation({ summary: 'Whether a ping sent through profiles reached this service' })
  get(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(pingIdParams) params: z.infer<typeof pingIdParams>,
  ) {
    return this.receipts.get(principal, params.pingId);
  }
}
