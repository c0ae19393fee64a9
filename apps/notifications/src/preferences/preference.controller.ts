import { Controller, Get, Put } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiAuth, CurrentPrincipal, type Principal } from '@medmentor/auth';
import { ApiZodResponse, DomainError, ZodBody, ZodParams } from '@medmentor/platform';
import { PreferenceService } from './preference.service';
import {
  physicianParamsSchema,
  preferencesSchema,
  preferencesViewSchema,
  type PreferencesInput,
} from './preferences.dto';

const self = (principal: Principal): string => {
  if (principal.physicianId === undefined) {
    throw new DomainError({
      code: 'preferences-need-physician',
      status: 403,
      title: 'No physician in the token',
      detail: 'Use /notification-preferences/{physicianId} as an administrator.',
    });
  }
  return principal.physicianId;
};

@ApiTags('preferences')
@ApiAuth()
@Controller('api/v1/notification-preferences')
export class PreferenceController {
  constructor(private readonly preferences: PreferenceService) {}

  @Get('me')
  @ApiOperation({ summary: "The caller's notification preferences" })
  @ApiZodResponse(200, preferencesViewSchema, 'Preferences')
  getMine(@CurrentPrincipal() principal: Principal) {
    return this.preferences.get(principal, self(principal));
  }

  @Put('me')
  @ApiOperation({
    summary:
      "Replace the caller's preferences (opt-outs per category and channel, quiet hours, digest)",
  })
  @ApiZodResponse(200, preferencesViewSchema, 'Preferences')
  putMine(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(preferencesSchema) body: PreferencesInput,
  ) {
    return this.preferences.put(principal, self(principal), body);
  }

  @Get(':physicianId')
  @ApiOperation({ summary: "A physician's preferences (the physician or a tenant admin)" })
  @ApiZodResponse(200, preferencesViewSchema, 'Preferences')
  get(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: z.infer<typeof physicianParamsSchema>,
  ) {
    return this.preferences.get(principal, params.physicianId);
  }

  @Put(':physicianId')
  @ApiOperation({ summary: "Replace a physician's preferences (the physician or a tenant admin)" })
  @ApiZodResponse(200, preferencesViewSchema, 'Preferences')
  put(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(physicianParamsSchema) params: z.infer<typeof physicianParamsSchema>,
    @ZodBody(preferencesSchema) body: PreferencesInput,
  ) {
    return this.preferences.put(principal, params.physicianId, body);
  }
}
