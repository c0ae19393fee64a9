import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/** A tenant's name and default time zone, from profiles' tenant events (version-guarded). */
@Schema({ collection: 'tenants', versionKey: false })
export class TenantEntry {
  @Prop({ type: String, required: true })
  _id!: string;

  /** Same as `_id`; present so every collection is filtered by `tenantId`. */
  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  timeZone!: string;

  @Prop({ required: true })
  version!: number;
}

export const TenantEntrySchema = SchemaFactory.createForClass(TenantEntry);
