import { Controller, Get } from '@nestjs/common';
import { ApiOperation, ApiTags } from '@nestjs/swagger';
import { ApiAuth, CurrentPrincipal, Roles, type Principal } from '@medmentor/auth';
import { ApiZodResponse, ZodParams, ZodQuery } from '@medmentor/platform';
import { programParamsSchema, type ProgramParams } from '../programs/dto/program-params.dto';
import {
  listParticipantsQuerySchema,
  type ListParticipantsQuery,
} from './dto/list-participants.dto';
import { participantPageSchema } from './dto/participant-view.dto';
import { ParticipantService } from './participant.service';

@ApiTags('enrollments')
@ApiAuth()
@Roles('platform-admin', 'org-admin', 'program-admin', 'mentor', 'mentee')
@Controller('api/v1/programs')
export class ParticipantController {
  constructor(private readonly participants: ParticipantService) {}

  @Get(':programId/participants')
  @ApiOperation({
    summary:
      'The active enrollments of a program with profiles as potential matches see them (physicians enrolled as mentee or mentor in a national-ranked program: the side they rank; admins: any side)',
  })
  @ApiZodResponse(200, participantPageSchema, 'A page of participants, newest enrollment first')
  list(
    @CurrentPrincipal() principal: Principal,
    @ZodParams(programParamsSchema) params: ProgramParams,
    @ZodQuery(listParticipantsQuerySchema) query: ListParticipantsQuery,
  ) {
    return this.participants.list(principal, params.programId, query);
  }
}
