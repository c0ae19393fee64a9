import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A program's name and status, from profiles' program events (version-guarded). */
@Schema({ collection: 'programs', versionKey: false })
export class ProgramEntry {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop()
  name?: string;

  @Prop({ required: true })
  status!: string;

  @Prop({ required: true })
  version!: number;
}

export const ProgramEntrySchema = SchemaFactory.createForClass(ProgramEntry);
