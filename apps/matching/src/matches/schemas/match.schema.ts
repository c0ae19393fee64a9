import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { MatchEndReason, MatchOrigin, MatchSide } from '@medmentor/contracts';
import type { MentorshipRole } from '@medmentor/domain';
import type { FactorExplanation } from '@medmentor/matching-engine';
import { outboxPlugin } from '@medmentor/messaging';

export const MATCH_STATUSES = ['proposed', 'activated', 'declined', 'expired', 'ended'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];

/** Statuses that hold a mentor's place and a mentee's seat. */
export const LIVE_STATUSES: readonly MatchStatus[] = ['proposed', 'activated'];

/**
 * A mentee-mentor pairing in a program and role, from proposal to end. `liveKey` is `live`
 * while the match is proposed or activated and the match id afterwards, so the unique index
 * below allows one live match per mentee seat. Events travel in its outbox.
 */
@Schema({ collection: 'matches', versionKey: false })
export class Match {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) programId!: string;
  @Prop({ type: String, required: true }) role!: MentorshipRole;
  @Prop({ required: true }) menteeId!: string;
  @Prop({ required: true }) mentorId!: string;
  @Prop({ required: true }) menteeEnrollmentId!: string;
  @Prop({ required: true }) mentorEnrollmentId!: string;
  @Prop({ type: String, required: true }) origin!: MatchOrigin;
  @Prop() runId?: string;
  @Prop({ type: String, required: true, enum: MATCH_STATUSES }) status!: MatchStatus;
  @Prop({ required: true }) liveKey!: string;
  @Prop({ required: true }) responseDeadline!: Date;
  @Prop() menteeAcceptedAt?: Date;
  @Prop() mentorAcceptedAt?: Date;
  @Prop() score?: number;
  @Prop({ type: [Object], default: undefined }) factors?: FactorExplanation[];
  @Prop({ type: String }) declinedBy?: MatchSide;
  @Prop() declineReason?: string;
  @Prop({ type: String }) endReason?: MatchEndReason;
  @Prop() anonymised?: boolean;
  @Prop({ required: true }) createdBy!: string;
  @Prop({ required: true }) version!: number;
  @Prop({ required: true }) createdAt!: Date;
  @Prop({ required: true }) updatedAt!: Date;
}

export const MatchSchema = SchemaFactory.createForClass(Match);
// Unique: one live match per mentee seat (program, mentee enrollment, role).
MatchSchema.index(
  { tenantId: 1, programId: 1, menteeEnrollmentId: 1, role: 1, liveKey: 1 },
  { unique: true },
);
// Serves a program's matches, newest first, paged by (createdAt, _id).
MatchSchema.index({ tenantId: 1, programId: 1, createdAt: -1, _id: -1 });
// Serves the expiry sweep: proposals past their deadline.
MatchSchema.index({ status: 1, responseDeadline: 1 });
// Serves a mentor's load across programs and a physician's matches.
MatchSchema.index({ tenantId: 1, mentorId: 1, status: 1 });
MatchSchema.index({ tenantId: 1, menteeId: 1, status: 1 });
MatchSchema.plugin(outboxPlugin);
