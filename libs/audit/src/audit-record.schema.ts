import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { Schema as MongooseSchema } from 'mongoose';
import { AuditAppendOnlyError } from './audit-errors';

export const AUDIT_COLLECTION = 'audit_log';

@Schema({ _id: false, versionKey: false })
class AuditActorDoc {
  @Prop({ type: String, required: true }) subject!: string;
  @Prop({ type: [String], required: true }) roles!: string[];
  @Prop({ type: String }) physicianId?: string;
}

@Schema({ _id: false, versionKey: false })
class AuditResourceDoc {
  @Prop({ type: String, required: true }) type!: string;
  @Prop({ type: String, required: true }) id!: string;
}

@Schema({ _id: false, versionKey: false })
class AuditOriginDoc {
  @Prop({ type: String }) ip?: string;
  @Prop({ type: String }) userAgent?: string;
  @Prop({ type: String }) correlationId?: string;
}

@Schema({ collection: AUDIT_COLLECTION, versionKey: false, strict: 'throw' })
export class AuditRecord {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ type: String, required: true }) tenantId!: string;
  @Prop({ type: String, required: true }) service!: string;
  /** When the action happened; named createdAt so the shared keyset pagination applies. */
  @Prop({ type: Date, required: true }) createdAt!: Date;
  @Prop({ type: SchemaFactory.createForClass(AuditActorDoc), required: true })
  actor!: AuditActorDoc;
  @Prop({ type: String, required: true }) action!: string;
  @Prop({ type: SchemaFactory.createForClass(AuditResourceDoc), required: true })
  resource!: AuditResourceDoc;
  @Prop({ type: Object, required: true }) summary!: Record<string, unknown>;
  @Prop({ type: SchemaFactory.createForClass(AuditOriginDoc), required: true })
  origin!: AuditOriginDoc;
}

export const AuditRecordSchema = SchemaFactory.createForClass(AuditRecord);

// The tenant's log, newest first: GET /api/v1/audit-events without filters.
AuditRecordSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
// One resource's history: ?resourceType=&resourceId=.
AuditRecordSchema.index({ tenantId: 1, 'resource.type': 1, 'resource.id': 1, createdAt: -1 });
// One actor's actions: ?actor=.
AuditRecordSchema.index({ tenantId: 1, 'actor.subject': 1, createdAt: -1 });

/** Every Mongoose path that could change or remove a stored entry. */
const MUTATING_OPERATIONS = [
  'updateOne',
  'updateMany',
  'replaceOne',
  'findOneAndUpdate',
  'findOneAndReplace',
  'findOneAndDelete',
  'deleteOne',
  'deleteMany',
] as const;

/** Refuses updates and deletes through Mongoose, including `doc.save()` of a read entry. */
export function appendOnly(schema: MongooseSchema): void {
  for (const operation of MUTATING_OPERATIONS) {
    schema.pre(operation, () => {
      throw new AuditAppendOnlyError(operation);
    });
  }
  schema.pre('save', function refuseResave() {
    if (!this.isNew) throw new AuditAppendOnlyError('save');
  });
  schema.pre('bulkWrite', () => {
    throw new AuditAppendOnlyError('bulkWrite');
  });
}

appendOnly(AuditRecordSchema);
