import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A tenant's own template for one message kind and channel; `_id` = `<tenant>:<kind>:<channel>`. */
@Schema({ collection: 'template_overrides', versionKey: false })
export class TemplateOverride {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  kind!: string;

  @Prop({ required: true })
  channel!: string;

  @Prop({ required: true })
  subject!: string;

  @Prop({ required: true })
  text!: string;

  @Prop()
  html?: string;

  @Prop({ required: true })
  updatedAt!: Date;
}

export const TemplateOverrideSchema = SchemaFactory.createForClass(TemplateOverride);
