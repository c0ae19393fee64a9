import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin } from '@medmentor/messaging';
import type { SeriesPlan } from '@medmentor/scheduling-engine';

export const MATCH_STATUSES = ['active', 'ended'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export type KickoffState = 'scheduled' | 'no-common-slot';
export type Health = 'on-track' | 'needs-check-in' | 'inactive';

export interface MatchResource {
  id: string;
  title: string;
  url: string;
  note?: string;
  addedBy: string;
  createdAt: Date;
}

/** A mentorship as scheduling sees it (from matching's events) and its rhythm. */
@Schema({ collection: 'matches', versionKey: false })
export class Match {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) programId!: string;
  @Prop({ required: true }) role!: string;
  @Prop({ required: true }) menteeId!: string;
  @Prop({ required: true }) mentorId!: string;
  @Prop({ type: String, required: true, enum: MATCH_STATUSES }) status!: MatchStatus;
  @Prop({ required: true }) activatedAt!: Date;
  @Prop() endedAt?: Date;
  /** Unset until planning ran: set once, by a conditional update, so planning happens once. */
  @Prop({ type: String }) kickoff?: KickoffState;
  @Prop({ type: Object }) series?: SeriesPlan & { id: string; horizon: Date };
  @Prop({ type: String }) health?: Health;
  @Prop({ type: [String], default: [] }) milestones!: string[];
  /** The due date of the last overdue check-in announced (once per due date). */
  @Prop() overdueFor?: Date;
  /** When the time-driven review (health, overdue, milestones) should next look at it. */
  @Prop() reviewAt?: Date;
  /** Optimistic concurrency for the time-driven review. */
  @Prop({ required: true }) rev!: number;
  /** Titled links the pair and admins share for this mentorship. */
  @Prop({ type: [Object], default: [] }) resources!: MatchResource[];
  @Prop({ required: true }) createdAt!: Date;
}

export const MatchSchema = SchemaFactory.createForClass(Match);
// Serves the review scan: active matches due for review, across tenants.
MatchSchema.index({ status: 1, reviewAt: 1 });
// Serves lists of a program's matches (feedback aggregates).
MatchSchema.index({ tenantId: 1, programId: 1 });
// Serves the series extension sweep: active matches whose stored check-ins end soonest.
MatchSchema.index({ status: 1, 'series.horizon': 1 });
MatchSchema.plugin(outboxPlugin);
