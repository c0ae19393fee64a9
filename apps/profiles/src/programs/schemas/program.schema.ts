import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  MATCHING_MODES,
  PROGRAM_KINDS,
  PROGRAM_STATUSES,
  type CadencePhase,
  type MatchingMode,
  type ProgramKind,
  type ProgramStatus,
  type ScoringWeights,
} from '@medmentor/contracts';
import type { ProgramObjective } from '@medmentor/domain';
import { outboxPlugin } from '@medmentor/messaging';
import type {
  Eligibility,
  ProgramCycle,
  ProgramRequirements,
  RoleOffered,
} from '../program-settings';

/** A mentorship program of one tenant, from draft to closed. */
// minimize: false keeps empty objects such as a draft's `cycle: {}`.
@Schema({ collection: 'programs', versionKey: false, minimize: false })
export class Program {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ type: String, default: '' })
  description!: string;

  @Prop({ type: [String], default: [] })
  objectives!: ProgramObjective[];

  @Prop({ type: [String], default: [] })
  customObjectives!: string[];

  @Prop({ type: String, required: true, enum: PROGRAM_KINDS })
  kind!: ProgramKind;

  @Prop({ type: String, required: true, enum: MATCHING_MODES })
  matchingMode!: MatchingMode;

  @Prop({ type: String, required: true, enum: PROGRAM_STATUSES })
  status!: ProgramStatus;

  @Prop({ type: Object, required: true })
  cycle!: ProgramCycle;

  @Prop({ type: [Object], required: true })
  rolesOffered!: RoleOffered[];

  @Prop({ type: Object, required: true })
  scoringWeights!: ScoringWeights;

  @Prop({ type: Object, required: true })
  eligibility!: Eligibility;

  @Prop({ type: Object, required: true })
  requirements!: ProgramRequirements;

  @Prop({ type: [Object], required: true })
  cadence!: CadencePhase[];

  @Prop({ required: true })
  kickoffWindowDays!: number;

  @Prop({ type: [Number], default: [] })
  reminderOffsetsMinutes!: number[];

  /** Optimistic concurrency: +1 on every change; updates name the version they read. */
  @Prop({ required: true })
  version!: number;

  @Prop({ required: true })
  createdBy!: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  updatedAt!: Date;

  @Prop({ type: Date })
  publishedAt?: Date;

  @Prop({ type: Date })
  closedAt?: Date;
}

export const ProgramSchema = SchemaFactory.createForClass(Program);
// Serves a tenant's program list, newest first, paged by (createdAt, _id).
ProgramSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
// Serves the list filtered by status (mentors and mentees see open, matching and active only).
ProgramSchema.index({ tenantId: 1, status: 1, createdAt: -1, _id: -1 });
// Serves the rank-list freeze sweep (across tenants): national-ranked programs in a given
// status whose rank lists were due by now.
ProgramSchema.index({ matchingMode: 1, status: 1, 'cycle.rankListsDueAt': 1 });
ProgramSchema.plugin(outboxPlugin);
