import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  TENANT_KINDS,
  TENANT_STATUSES,
  type TenantKind,
  type TenantStatus,
} from '@medmentor/contracts';
import { outboxPlugin } from '@medmentor/messaging';
import type { Hospital } from '../hospital-directory';

/** An organization: a health system or a specialty society. Its `_id` is the tenant id of tokens. */
@Schema({ collection: 'tenants', versionKey: false })
export class Tenant {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  slug!: string;

  @Prop({ type: String, required: true, enum: TENANT_KINDS })
  kind!: TenantKind;

  @Prop({ required: true })
  timeZone!: string;

  @Prop({ type: String, required: true, enum: TENANT_STATUSES })
  status!: TenantStatus;

  @Prop({ type: [Object], default: [] })
  hospitals!: Hospital[];

  /** Optimistic concurrency: +1 on every change; updates name the version they read. */
  @Prop({ required: true })
  version!: number;

  @Prop({ required: true })
  createdBy!: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  updatedAt!: Date;
}

export const TenantSchema = SchemaFactory.createForClass(Tenant);
// Unique natural key: a second registration with the same slug fails instead of duplicating.
TenantSchema.index({ slug: 1 }, { unique: true });
// Serves the platform admin's tenant list, newest first, paged by (createdAt, _id).
TenantSchema.index({ createdAt: -1, _id: -1 });
TenantSchema.plugin(outboxPlugin);
