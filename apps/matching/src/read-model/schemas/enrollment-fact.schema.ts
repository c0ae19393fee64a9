import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { EnrollmentPreferences } from '@medmentor/contracts';
import type { EnrollmentRole, MentorshipRole } from '@medmentor/domain';

export type EnrollmentFactStatus = 'active' | 'withdrawn' | 'erased';

/**
 * A physician's enrollment in a program, and its rank list in a national program.
 * `_id` is `<tenantId>:<enrollmentId>`. The enrollment and the rank list are versioned
 * separately (`version`, `rankListVersion`): each ignores a snapshot older than its own.
 */
@Schema({ collection: 'enrollment_facts', versionKey: false })
export class EnrollmentFact {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) enrollmentId!: string;
  @Prop() programId?: string;
  @Prop() physicianId?: string;
  @Prop() version?: number;
  @Prop({ type: String }) status?: EnrollmentFactStatus;
  @Prop({ type: String }) side?: EnrollmentRole;
  @Prop({ type: [String], default: undefined }) roles?: MentorshipRole[];
  @Prop({ type: [String], default: undefined }) topics?: string[];
  @Prop({ type: Object }) preferences?: EnrollmentPreferences;
  @Prop() capacity?: number;
  @Prop() submittedAt?: Date;
  @Prop({ type: [String], default: undefined }) rankList?: string[];
  @Prop() rankListVersion?: number;
  @Prop() rankListFrozen?: boolean;
  @Prop() updatedAt?: Date;
}

export const EnrollmentFactSchema = SchemaFactory.createForClass(EnrollmentFact);
// Serves loading a program's active participants for a run or recommendations.
EnrollmentFactSchema.index({ tenantId: 1, programId: 1, status: 1 });
// Serves erasure: every enrollment of a physician.
EnrollmentFactSchema.index({ tenantId: 1, physicianId: 1 });
