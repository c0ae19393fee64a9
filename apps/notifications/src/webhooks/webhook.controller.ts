import { Controller, Delete, Get, HttpCode, Patch, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams } from '@medmentor/platform';
import { TENANT_ADMINS } from '../admin/roles';
import {
  createdWebhookSchema,
  createWebhookSchema,
  updateWebhookSchema,
  webhookListSchema,
  webhookParamsSchema,
  webhookViewSchema,
  type CreateWebhookDto,
  type UpdateWebhookDto,
} from './webhook.dto';
import { WebhookService } from './webhook.service';

@ApiTags('webhooks')
@ApiAuth()
@Roles(...TENANT_ADMINS)
@Controller('api/v1/webhooks')
export class WebhookController {
  constructor(private readonly webhooks: WebhookService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({ summary: 'Add a webhook endpoint; the answer shows its signing secret once' })
  @ApiZodResponse(201, createdWebhookSchema, 'The webhook with its secret')
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(createWebhookSchema) body: CreateWebhookDto,
  ) {
    return this.webhooks.create(principal, body);
  }

  @Get()
  @ApiOperation({ summary: "The tenant's webhooks (without secrets)" })
  @ApiZodResponse(200, webhookListSchema, 'Webhooks')
  list(@CurrentPrincipal() principal: Principal) {
    return this.webhooks.list(principal);
  }

  @Patch(':webhookId')
  @ApiOperation({ summary: "Change a webhook's URL or kinds (the URL is checked like a new one)" })
  @ApiZodResponse(200, webhookViewSchema, 'The webhook (without its secret)')
  update(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(webhookParamsSchema) params: z.infer<typeof webhookParamsSchema>,
    @ZodBody(updateWebhookSchema) body: UpdateWebhookDto,
  ) {
    return this.webhooks.update(principal, params.webhookId, body);
  }

  @Post(':webhookId/rotate-secret')
  @HttpCode(200)
  @ApiOperation({
    summary:
      'Replace the signing secret; the old one stops at once and the answer shows the new one once',
  })
  @ApiZodResponse(200, createdWebhookSchema, 'The webhook with its new secret')
  rotateSecret(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(webhookParamsSchema) params: z.infer<typeof webhookParamsSchema>,
  ) {
    return this.webhooks.rotateSecret(principal, params.webhookId);
  }

  @Delete(':webhookId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove a webhook; messages not yet sent to it are skipped' })
  delete(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(webhookParamsSchema) params: z.infer<typeof webhookParamsSchema>,
  ) {
    return this.webhooks.delete(principal, params.webhookId);
  }
}
