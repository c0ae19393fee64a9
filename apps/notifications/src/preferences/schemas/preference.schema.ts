import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A physician's choices: channels off per category, quiet hours, digest mode. */
@Schema({ collection: 'preferences', versionKey: false })
export class Preference {
  /** The physician id. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  /** `{ category: [channel, ...] }` of channels switched off. */
  @Prop({ type: Object, required: true, default: {} })
  optOuts!: Record<string, string[]>;

  @Prop({ type: Object })
  quietHours?: { start: string; end: string };

  @Prop({ required: true, default: 'off' })
  digest!: string;

  @Prop({ required: true })
  updatedAt!: Date;
}

export const PreferenceSchema = SchemaFactory.createForClass(Preference);
