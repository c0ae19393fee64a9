import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { ProgramConfig, ProgramStatus } from '@medmentor/contracts';

/** A program's configuration as matching last heard it. `_id` is `<tenantId>:<programId>`. */
@Schema({ collection: 'program_facts', versionKey: false })
export class ProgramFact {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) programId!: string;
  @Prop({ required: true }) version!: number;
  @Prop({ type: String, required: true }) status!: ProgramStatus;
  /** The whole configuration of the last snapshot (absent if only the close was heard). */
  @Prop({ type: Object }) config?: ProgramConfig;
  @Prop() closedAt?: Date;
  @Prop() updatedAt?: Date;
}

export const ProgramFactSchema = SchemaFactory.createForClass(ProgramFact);
// Serves reading a program of a tenant by id.
ProgramFactSchema.index({ tenantId: 1, programId: 1 }, { unique: true });
