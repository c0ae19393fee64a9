import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { DirectoryModule } from '../directory/directory.module';
import { AgendaTemplateRepository } from './agenda-template.repository';
import { ProgramContentController } from './program-content.controller';
import { ProgramContentService } from './program-content.service';
import { ProgramResourceRepository } from './program-resource.repository';
import { AgendaTemplate, AgendaTemplateSchema } from './schemas/agenda-template.schema';
import { ProgramResource, ProgramResourceSchema } from './schemas/program-resource.schema';

@Module({
  imports: [
    MongooseModule.forFeature([
      { name: AgendaTemplate.name, schema: AgendaTemplateSchema },
      { name: ProgramResource.name, schema: ProgramResourceSchema },
    ]),
    DirectoryModule,
  ],
  controllers: [ProgramContentController],
  providers: [AgendaTemplateRepository, ProgramResourceRepository, ProgramContentService],
  exports: [AgendaTemplateRepository],
})
export class ProgramsModule {}
