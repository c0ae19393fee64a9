import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { MatchEndReason, MatchSide, RelationshipHealth } from '@medmentor/contracts';
import type { MentorshipRole } from '@medmentor/domain';
import type { MeetingRecord, MilestoneRecord } from '../match-record';

/**
 * One match as program analytics knows it, folded from matching's and scheduling's events
 * (see `match-record.ts`). `_id` is `<tenantId>:<matchId>`; `revision` guards the
 * read-fold-write against a concurrent write of the same match.
 */
@Schema({ collection: 'analytics_matches', versionKey: false, minimize: false })
export class MatchAnalytics {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) programId!: string;
  @Prop({ required: true }) matchId!: string;
  @Prop({ type: String, required: true }) role!: MentorshipRole;
  @Prop() menteeEnrollmentId?: string;
  @Prop() proposedAt?: Date;
  @Prop({ type: [String], default: [] }) acceptedBy!: MatchSide[];
  @Prop() declinedAt?: Date;
  @Prop() expiredAt?: Date;
  @Prop() activatedAt?: Date;
  @Prop() endedAt?: Date;
  @Prop({ type: String }) endReason?: MatchEndReason;
  @Prop({ type: String }) health?: RelationshipHealth;
  @Prop() healthAt?: Date;
  @Prop({ type: [Object], default: [] }) milestones!: MilestoneRecord[];
  @Prop({ type: [Date], default: [] }) overdueDueBy!: Date[];
  @Prop({ type: [Object], default: [] }) meetings!: MeetingRecord[];
  @Prop({ required: true }) revision!: number;
  @Prop({ required: true }) updatedAt!: Date;
}

export const MatchAnalyticsSchema = SchemaFactory.createForClass(MatchAnalytics);
// Serves reading every match of one program to compute its figures.
MatchAnalyticsSchema.index({ tenantId: 1, programId: 1 });
