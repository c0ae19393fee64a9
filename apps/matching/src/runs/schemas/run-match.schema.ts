import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { MentorshipRole } from '@medmentor/domain';
import type { FactorExplanation } from '@medmentor/matching-engine';

/** One match a run produced, with its score and explanation. `_id`: `<runId>:<menteeEnrollmentId>:<role>`. */
@Schema({ collection: 'run_matches', versionKey: false })
export class RunMatchRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) runId!: string;
  @Prop({ required: true }) programId!: string;
  @Prop({ required: true }) menteeEnrollmentId!: string;
  @Prop({ required: true }) mentorEnrollmentId!: string;
  @Prop({ required: true }) menteeId!: string;
  @Prop({ required: true }) mentorId!: string;
  @Prop({ type: String, required: true }) role!: MentorshipRole;
  @Prop({ required: true }) score!: number;
  /** Removed when either physician is erased. */
  @Prop({ type: [Object], default: undefined }) factors?: FactorExplanation[];
  @Prop() menteeRank?: number;
  @Prop() mentorRank?: number;
  @Prop() anonymised?: boolean;
  /** The run's completion time: with `_id`, the keyset of the paged list. */
  @Prop({ required: true }) createdAt!: Date;
}

export const RunMatchRecordSchema = SchemaFactory.createForClass(RunMatchRecord);
// Serves reading a run's matches paged by (createdAt, _id), and deleting them before a retry.
RunMatchRecordSchema.index({ tenantId: 1, runId: 1, createdAt: -1, _id: -1 });
// Serves erasure: a physician's places in every run, on either side.
RunMatchRecordSchema.index({ tenantId: 1, menteeId: 1 });
RunMatchRecordSchema.index({ tenantId: 1, mentorId: 1 });
