import type { ProgramConfig } from '@medmentor/contracts';
import { allowedActions, type ProgramAction } from './program-lifecycle';
import type { ProgramSettings } from './program-settings';
import type { ProgramRecord } from './program.repository';

/** A program as the API returns it (dates serialise to RFC 3339). */
export interface ProgramView extends ProgramSettings {
  id: string;
  tenantId: string;
  status: ProgramRecord['status'];
  allowedActions: ProgramAction[];
  version: number;
  createdAt: Date;
  updatedAt: Date;
  publishedAt?: Date;
  closedAt?: Date;
}

export const settingsOf = (program: ProgramRecord): ProgramSettings => ({
  name: program.name,
  description: program.description,
  objectives: program.objectives,
  customObjectives: program.customObjectives,
  kind: program.kind,
  matchingMode: program.matchingMode,
  cycle: program.cycle,
  rolesOffered: program.rolesOffered,
  scoringWeights: program.scoringWeights,
  eligibility: program.eligibility,
  requirements: program.requirements,
  cadence: program.cadence,
  kickoffWindowDays: program.kickoffWindowDays,
  reminderOffsetsMinutes: program.reminderOffsetsMinutes,
});

export const toProgramView = (program: ProgramRecord): ProgramView => ({
  id: program._id,
  tenantId: program.tenantId,
  ...settingsOf(program),
  status: program.status,
  allowedActions: allowedActions(program.status, program.matchingMode),
  version: program.version,
  createdAt: program.createdAt,
  updatedAt: program.updatedAt,
  ...(program.publishedAt && { publishedAt: program.publishedAt }),
  ...(program.closedAt && { closedAt: program.closedAt }),
});

const required = (date: Date | undefined, field: string): string => {
  // Publishing requires these dates and changes of a published program keep them.
  if (date === undefined) throw new Error(`a published program lacks ${field}`);
  return date.toISOString();
};

/** What other services learn of a published program (event-carried state). */
export const toProgramConfig = (program: ProgramRecord): ProgramConfig => ({
  programId: program._id,
  tenantId: program.tenantId,
  name: program.name,
  kind: program.kind,
  matchingMode: program.matchingMode,
  status: program.status,
  rolesOffered: program.rolesOffered,
  scoringWeights: program.scoringWeights,
  eligibility: program.eligibility,
  requirements: program.requirements,
  cadence: program.cadence,
  kickoffWindowDays: program.kickoffWindowDays,
  reminderOffsetsMinutes: program.reminderOffsetsMinutes,
  cycle: {
    enrollmentOpensAt: required(program.cycle.enrollmentOpensAt, 'cycle.enrollmentOpensAt'),
    enrollmentClosesAt: required(program.cycle.enrollmentClosesAt, 'cycle.enrollmentClosesAt'),
    ...(program.cycle.rankListsDueAt && {
      rankListsDueAt: program.cycle.rankListsDueAt.toISOString(),
    }),
    ...(program.cycle.matchDate && { matchDate: program.cycle.matchDate.toISOString() }),
  },
  version: program.version,
});
