import { Controller, Get, HttpCode, Inject, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import { Public } from '@medmentor/auth';
import { ApiZodResponse, DomainError, ZodQuery } from '@medmentor/platform';
import { NOTIFICATIONS_CONFIG, type NotificationsConfig } from '../config/notifications-config';
import { CATEGORIES } from '../policy/message-kind';
import { verifyUnsubscribeToken, type UnsubscribeClaims } from '../policy/unsubscribe-token';
import { PreferenceService } from '../preferences/preference.service';

// The token is checked by signature, not by a strict schema: mail clients may add parameters.
const tokenQuery = z.looseObject({ token: z.string().min(10).max(1000) });
const resultSchema = z.object({
  category: z.string(),
  channel: z.literal('email'),
  unsubscribed: z.boolean(),
});

/**
 * One-click unsubscribe (RFC 8058). The link in every email (and its List-Unsubscribe header)
 * carries a signed token naming tenant, physician and category. GET only describes what a
 * POST would do, because link scanners follow GETs; the POST (what mail clients send, with
 * `List-Unsubscribe=One-Click`) switches email off for that category.
 */
@ApiTags('unsubscribe')
@Public()
@Controller('api/v1/unsubscribe')
export class UnsubscribeController {
  constructor(
    private readonly preferences: PreferenceService,
    @Inject(NOTIFICATIONS_CONFIG) private readonly config: NotificationsConfig,
  ) {}

  @Get()
  @ApiOperation({ summary: 'What the unsubscribe link would switch off (changes nothing)' })
  @ApiZodResponse(200, resultSchema, 'The category the token names')
  describe(@ZodQuery(tokenQuery) query: z.infer<typeof tokenQuery>) {
    return {
      category: this.claims(query.token).category,
      channel: 'email' as const,
      unsubscribed: false,
    };
  }

  @Post()
  @HttpCode(200)
  @ApiOperation({
    summary: 'One-click unsubscribe: email off for the category in the signed token',
  })
  @ApiZodResponse(200, resultSchema, 'Done')
  async unsubscribe(@ZodQuery(tokenQuery) query: z.infer<typeof tokenQuery>) {
    const claims = this.claims(query.token);
    await this.preferences.unsubscribeEmail(
      claims.tenantId,
      claims.physicianId,
      claims.category,
      CATEGORIES,
    );
    return { category: claims.category, channel: 'email' as const, unsubscribed: true };
  }

  private claims(token: string): UnsubscribeClaims {
    const claims = verifyUnsubscribeToken(this.config.unsubscribeSecret, token);
    if (!claims) {
      throw new DomainError({
        code: 'unsubscribe-token-invalid',
        status: 400,
        title: 'Invalid unsubscribe link',
        detail: 'The link is damaged or was not issued by this service.',
        errors: [{ field: 'token', message: 'is not a valid unsubscribe token' }],
      });
    }
    return claims;
  }
}
