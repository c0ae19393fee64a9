import { Injectable } from '@nestjs/common';
import type { PhysicianSnapshot, ProgramConfig } from '@medmentor/contracts';
import { DirectoryRepository } from './directory.repository';
import type { PhysicianCalendar } from './schemas/physician-calendar.schema';
import type { ProgramCadence } from './schemas/program-cadence.schema';

/** An erased physician's copy wins over any snapshot that could still be in flight. */
const ERASED_VERSION = Number.MAX_SAFE_INTEGER;

@Injectable()
export class DirectoryService {
  constructor(private readonly repository: DirectoryRepository) {}

  async applyPhysician(snapshot: PhysicianSnapshot): Promise<void> {
    await this.repository.applyPhysician({
      _id: snapshot.physicianId,
      tenantId: snapshot.tenantId,
      displayName: snapshot.displayName,
      timeZone: snapshot.timeZone,
      availability: snapshot.availability,
      version: snapshot.version,
      erased: false,
      updatedAt: new Date(),
    });
  }

  async erasePhysician(tenantId: string, physicianId: string): Promise<void> {
    await this.repository.applyPhysician(
      { _id: physicianId, tenantId, version: ERASED_VERSION, erased: true, updatedAt: new Date() },
      ['displayName', 'timeZone', 'availability'],
    );
  }

  async applyProgram(config: ProgramConfig): Promise<void> {
    await this.repository.applyProgram({
      _id: config.programId,
      tenantId: config.tenantId,
      name: config.name,
      status: config.status,
      cadence: config.cadence,
      kickoffWindowDays: config.kickoffWindowDays,
      reminderOffsetsMinutes: config.reminderOffsetsMinutes,
      version: config.version,
    });
  }

  async closeProgram(tenantId: string, programId: string): Promise<void> {
    await this.repository.closeProgram({ tenantId, _id: programId });
  }

  physicians(tenantId: string, ids: readonly string[]): Promise<PhysicianCalendar[]> {
    return this.repository.findPhysicians({ tenantId, ids });
  }

  physician(tenantId: string, id: string): Promise<PhysicianCalendar | null> {
    return this.repository.findPhysician({ tenantId, _id: id });
  }

  programs(tenantId: string, ids: readonly string[]): Promise<ProgramCadence[]> {
    return this.repository.findPrograms({ tenantId, ids });
  }

  program(tenantId: string, id: string): Promise<ProgramCadence | null> {
    return this.repository.findProgram({ tenantId, _id: id });
  }
}
