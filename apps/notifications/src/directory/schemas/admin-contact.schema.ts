import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * Who receives administrators' alerts (match runs finished, and later inactive matches and
 * milestones): configured per tenant over HTTP, for the whole tenant or one program. Profiles
 * events carry no administrator contacts, so this list is the notifications service's own.
 */
@Schema({ collection: 'admin_contacts', versionKey: false })
export class AdminContact {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  /** Absent: alerts of every program of the tenant. */
  @Prop()
  programId?: string;

  @Prop({ required: true })
  name!: string;

  @Prop({ required: true })
  email!: string;

  @Prop({ required: true })
  createdAt!: Date;
}

export const AdminContactSchema = SchemaFactory.createForClass(AdminContact);
// Serves the lookup of a program's contacts and the admin list, newest first.
AdminContactSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
