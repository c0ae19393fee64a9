import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { PhysicianSnapshot } from '@medmentor/contracts';

/**
 * What matching keeps of a physician, from profiles' events: the attributes it scores and
 * filters on, never contact details. `_id` is `<tenantId>:<physicianId>`. An erased physician
 * keeps only its ids and `erased: true`, which no later snapshot can undo.
 */
@Schema({ collection: 'physician_facts', versionKey: false })
export class PhysicianFact {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) physicianId!: string;
  @Prop({ required: true }) version!: number;
  @Prop() erased?: boolean;
  @Prop() specialty?: string;
  @Prop() subspecialty?: string;
  @Prop({ type: Object }) careerStage?: PhysicianSnapshot['careerStage'];
  @Prop({ type: [String], default: undefined }) interests?: string[];
  @Prop({ type: Object }) practiceSetting?: PhysicianSnapshot['practiceSetting'];
  @Prop() timeZone?: string;
  @Prop({ type: [String], default: undefined }) languages?: string[];
  @Prop({ type: [Object], default: undefined }) availability?: PhysicianSnapshot['availability'];
  @Prop() mentoringCapacity?: number;
  @Prop() takingBreak?: boolean;
  @Prop() mentorTrainingCompleted?: boolean;
  @Prop() hospitalId?: string;
  @Prop() institution?: string;
  @Prop({ type: Object }) reportingLine?: PhysicianSnapshot['reportingLine'];
  @Prop() country?: string;
  @Prop() region?: string;
  @Prop() updatedAt?: Date;
}

/** The personal fields erasure removes. */
export const PHYSICIAN_PERSONAL_FIELDS = [
  'specialty',
  'subspecialty',
  'careerStage',
  'interests',
  'practiceSetting',
  'timeZone',
  'languages',
  'availability',
  'mentoringCapacity',
  'takingBreak',
  'mentorTrainingCompleted',
  'hospitalId',
  'institution',
  'reportingLine',
  'country',
  'region',
] as const;

export const PhysicianFactSchema = SchemaFactory.createForClass(PhysicianFact);
// Serves loading a program's participants: physicians of a tenant by id.
PhysicianFactSchema.index({ tenantId: 1, physicianId: 1 }, { unique: true });
