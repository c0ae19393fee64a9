import type { Type } from '@nestjs/common';
import { BusyModule } from './busy/busy.module';
import { SchedulingConfigModule } from './config/scheduling-config.module';
import { DirectoryModule } from './directory/directory.module';
import { CalendarsModule } from './feeds/calendars.module';
import { MeetingsModule } from './meetings/meetings.module';
import { ProgramsModule } from './programs/programs.module';

/** The service's feature modules, for main.ts and the integration harness. */
export const SCHEDULING_FEATURES: Type[] = [
  SchedulingConfigModule,
  DirectoryModule,
  BusyModule,
  ProgramsModule,
  MeetingsModule,
  CalendarsModule,
];
