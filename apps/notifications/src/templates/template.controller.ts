import { Controller, Delete, Get, HttpCode, Post, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams } from '@medmentor/platform';
import { TENANT_ADMINS } from '../admin/roles';
import {
  previewSchema,
  renderedSchema,
  templateListSchema,
  templateParamsSchema,
  templateSetSchema,
  templateViewSchema,
  type PreviewDto,
  type TemplateParams,
  type TemplateSetDto,
} from './template.dto';
import { TemplateService } from './template.service';

@ApiTags('templates')
@ApiAuth()
@Roles(...TENANT_ADMINS)
@Controller('api/v1/templates')
export class TemplateController {
  constructor(private readonly templates: TemplateService) {}

  @Get()
  @ApiOperation({
    summary:
      'Every message kind and channel with the template in use (default or the tenant’s own)',
  })
  @ApiZodResponse(200, templateListSchema, 'Templates')
  list(@CurrentPrincipal() principal: Principal) {
    return this.templates.list(principal);
  }

  @Put(':kind/:channel')
  @ApiOperation({
    summary:
      "Set the tenant's own template for a kind and channel (Handlebars; HTML escapes values)",
  })
  @ApiZodResponse(200, templateViewSchema, 'The template')
  put(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(templateParamsSchema) params: TemplateParams,
    @ZodBody(templateSetSchema) body: TemplateSetDto,
  ) {
    return this.templates.put(principal, params.kind, params.channel, body);
  }

  @Delete(':kind/:channel')
  @HttpCode(204)
  @ApiOperation({ summary: 'Go back to the default template' })
  reset(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(templateParamsSchema) params: TemplateParams,
  ) {
    return this.templates.reset(principal, params.kind, params.channel);
  }

  @Post(':kind/:channel/preview')
  @HttpCode(200)
  @ApiOperation({ summary: 'Render a template (given, or the one in use) with sample data' })
  @ApiZodResponse(200, renderedSchema, 'The rendered message')
  preview(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(templateParamsSchema) params: TemplateParams,
    @ZodBody(previewSchema) body: PreviewDto,
  ) {
    return this.templates.preview(principal, params.kind, params.channel, body);
  }
}
