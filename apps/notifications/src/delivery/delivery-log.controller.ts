import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodQuery } from '@medmentor/platform';
import { ADMINS } from '../admin/roles';
import {
  deliveryLogQuerySchema,
  deliveryPageSchema,
  type DeliveryLogQuery,
} from './delivery-log.dto';
import { DeliveryLogService } from './delivery-log.service';

@ApiTags('deliveries')
@ApiAuth()
@Roles(...ADMINS)
@Controller('api/v1/deliveries')
export class DeliveryLogController {
  constructor(private readonly log: DeliveryLogService) {}

  @Get()
  @ApiOperation({
    summary: "The tenant's delivery log, newest first; filter by status, channel, kind, physician",
  })
  @ApiZodResponse(200, deliveryPageSchema, 'A page of deliveries')
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodQuery(deliveryLogQuerySchema) query: DeliveryLogQuery,
  ) {
    return this.log.list(principal, query);
  }
}
