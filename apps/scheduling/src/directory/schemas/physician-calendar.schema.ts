import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { WeeklyWindow } from '@medmentor/scheduling-engine';

/**
 * What scheduling keeps of a physician (from profiles events): time zone and weekly
 * availability, the display name for invitations, the version last applied. An erased
 * physician keeps only id, tenant, version and `erased`.
 */
@Schema({ collection: 'physicians', versionKey: false })
export class PhysicianCalendar {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop() displayName?: string;
  @Prop() timeZone?: string;
  @Prop({ type: [Object], default: undefined }) availability?: WeeklyWindow[];
  @Prop({ required: true }) version!: number;
  @Prop({ required: true }) erased!: boolean;
  @Prop() updatedAt?: Date;
}

export const PhysicianCalendarSchema = SchemaFactory.createForClass(PhysicianCalendar);
// Serves lookups of a pair's physicians by id within a tenant.
PhysicianCalendarSchema.index({ tenantId: 1, _id: 1 });
