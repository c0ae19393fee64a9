import { Controller, Delete, Get, HttpCode, Post } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import type { z } from 'zod';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodBody, ZodParams } from '@medmentor/platform';
import { ADMINS } from '../admin/roles';
import {
  adminContactListSchema,
  adminContactParamsSchema,
  adminContactViewSchema,
  createAdminContactSchema,
  type CreateAdminContactDto,
} from './admin-contact.dto';
import { AdminContactService } from './admin-contact.service';

@ApiTags('admin-contacts')
@ApiAuth()
@Roles(...ADMINS)
@Controller('api/v1/admin-contacts')
export class AdminContactController {
  constructor(private readonly contacts: AdminContactService) {}

  @Post()
  @HttpCode(201)
  @ApiOperation({
    summary: "Add an address for administrator alerts (the tenant's, or one program's)",
  })
  @ApiZodResponse(201, adminContactViewSchema, 'The contact')
  create(
    @CurrentPrincipal() principal: Principal,
    @ZodBody(createAdminContactSchema) body: CreateAdminContactDto,
  ) {
    return this.contacts.create(principal, body);
  }

  @Get()
  @ApiOperation({ summary: "The tenant's administrator contacts" })
  @ApiZodResponse(200, adminContactListSchema, 'Contacts')
  list(@CurrentPrincipal() principal: Principal) {
    return this.contacts.list(principal);
  }

  @Delete(':contactId')
  @HttpCode(204)
  @ApiOperation({ summary: 'Remove an administrator contact' })
  delete(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(adminContactParamsSchema) params: z.infer<typeof adminContactParamsSchema>,
  ) {
    return this.contacts.delete(principal, params.contactId);
  }
}
