import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { CadencePhase } from '@medmentor/scheduling-engine';

/** A program's scheduling settings (from profiles events). */
@Schema({ collection: 'programs', versionKey: false })
export class ProgramCadence {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) name!: string;
  @Prop({ required: true }) status!: string;
  @Prop({ type: [Object], required: true }) cadence!: CadencePhase[];
  @Prop({ required: true }) kickoffWindowDays!: number;
  @Prop({ type: [Number], required: true }) reminderOffsetsMinutes!: number[];
  @Prop({ required: true }) version!: number;
}

export const ProgramCadenceSchema = SchemaFactory.createForClass(ProgramCadence);
// Serves lookups of a program by id within a tenant.
ProgramCadenceSchema.index({ tenantId: 1, _id: 1 });
