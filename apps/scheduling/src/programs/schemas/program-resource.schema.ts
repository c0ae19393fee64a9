import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** One titled link of a program's resource library. */
@Schema({ collection: 'program_resources', versionKey: false })
export class ProgramResource {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) programId!: string;
  @Prop({ required: true }) title!: string;
  @Prop({ required: true }) url!: string;
  @Prop() note?: string;
  /** The physician who shared it, or the admin's subject. */
  @Prop({ required: true }) addedBy!: string;
  @Prop({ required: true }) createdAt!: Date;
}

export const ProgramResourceSchema = SchemaFactory.createForClass(ProgramResource);
// Serves a program's library, newest first.
ProgramResourceSchema.index({ tenantId: 1, programId: 1, createdAt: -1 });
