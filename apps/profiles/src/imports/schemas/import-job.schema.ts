import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

export type ImportStatus = 'running' | 'completed' | 'failed';
export type ImportFormat = 'csv' | 'fhir';

export interface ImportCounts {
  read: number;
  created: number;
  updated: number;
  unchanged: number;
  rejected: number;
}

export interface ImportRejection {
  line: number;
  problems: { field: string; message: string }[];
}

/** One bulk import of physicians and its report. */
@Schema({ collection: 'import_jobs', versionKey: false })
export class ImportJob {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ type: String, required: true })
  format!: ImportFormat;

  @Prop({ type: String, required: true })
  status!: ImportStatus;

  @Prop({ type: Object, required: true })
  counts!: ImportCounts;

  /** The first rejected rows, with their line and reasons (the count has them all). */
  @Prop({ type: [Object], default: [] })
  rejections!: ImportRejection[];

  @Prop()
  error?: string;

  @Prop({ required: true })
  createdBy!: string;

  @Prop({ required: true })
  startedAt!: Date;

  @Prop({ required: true })
  updatedAt!: Date;

  @Prop()
  finishedAt?: Date;
}

export const ImportJobSchema = SchemaFactory.createForClass(ImportJob);
// Serves a tenant's recent imports, and the sweep of interrupted ones at start.
ImportJobSchema.index({ tenantId: 1, startedAt: -1 });
ImportJobSchema.index({ status: 1 });
