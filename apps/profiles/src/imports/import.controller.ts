import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { ApiBody, ApiConsumes, ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ZodParams, ZodQuery } from '@medmentor/platform';
import {
  fhirImportQuerySchema,
  importIdParamsSchema,
  type FhirImportQuery,
  type ImportIdParams,
} from './dto/import-params.dto';
import { ImportService } from './import.service';

@ApiTags('imports')
@ApiAuth()
@Roles('org-admin', 'program-admin', 'platform-admin')
@Controller('api/v1/imports')
export class ImportController {
  constructor(private readonly imports: ImportService) {}

  @Post('physicians/csv')
  @HttpCode(202)
  @ApiConsumes('text/csv')
  @ApiBody({
    schema: { type: 'string', format: 'binary' },
    description: 'A physician CSV file (see the profiles README).',
  })
  @ApiOperation({
    summary: 'Start a CSV import of physicians; poll the import for progress and the report',
  })
  csv(@CurrentPrincipal() principal: Principal, @Body() file: unknown) {
    return this.imports.startCsv(principal, file);
  }

  @Post('physicians/fhir')
  @HttpCode(202)
  @ApiConsumes('application/fhir+json')
  @ApiBody({
    schema: { type: 'object' },
    description: 'A FHIR R4 Bundle of Practitioner and PractitionerRole resources.',
  })
  @ApiOperation({ summary: 'Start an import of a FHIR R4 Practitioner bundle' })
  fhir(
    @CurrentPrincipal() principal: Principal,
    @Body() file: unknown,
    @ZodQuery(fhirImportQuerySchema) query: FhirImportQuery,
  ) {
    return this.imports.startFhir(principal, file, query);
  }

  @Get(':importId')
  @ApiOperation({ summary: 'An import: status, counts and the rejected rows with their reasons' })
  get(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(importIdParamsSchema) params: ImportIdParams,
  ) {
    return this.imports.get(principal, params.importId);
  }
}
