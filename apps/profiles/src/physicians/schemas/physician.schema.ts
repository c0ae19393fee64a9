import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { CareerStage, PracticeSetting } from '@medmentor/domain';
import { outboxPlugin } from '@medmentor/messaging';
import type { AvailabilityWindow } from '../dto/availability.schema';
import type { PhysicianInput } from '../dto/physician-input.schema';

export const PHYSICIAN_STATUSES = ['active', 'erased'] as const;
export type PhysicianStatus = (typeof PHYSICIAN_STATUSES)[number];

/**
 * A physician's profile in one tenant. An erased profile keeps only its id, tenant, status,
 * erasedAt and the `erased:<id>` keys of the unique indexes.
 */
@Schema({ collection: 'physicians', versionKey: false })
export class Physician {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ type: String, required: true, enum: PHYSICIAN_STATUSES })
  status!: PhysicianStatus;

  @Prop() givenName?: string;
  @Prop() familyName?: string;

  /** Lower-cased; `erased:<id>` once erased, so the address can register again. */
  @Prop({ required: true })
  email!: string;

  @Prop() phone?: string;
  @Prop() npi?: string;

  /** The NPI, or `none:<id>` without one, or `erased:<id>`: a unique key that never collides on absence. */
  @Prop({ required: true })
  npiKey!: string;

  @Prop() specialty?: string;
  @Prop() subspecialty?: string;
  @Prop({ type: Object }) careerStage?: CareerStage;
  @Prop() hospitalId?: string;
  @Prop() institution?: string;
  @Prop() department?: string;
  @Prop({ type: Object }) location?: PhysicianInput['location'];
  @Prop() timeZone?: string;
  @Prop({ type: [String], default: undefined }) languages?: string[];
  @Prop({ type: [String], default: undefined }) interests?: string[];
  @Prop({ type: [String], default: undefined }) goals?: string[];
  @Prop({ type: Object }) practiceSetting?: PracticeSetting;
  @Prop() bio?: string;
  @Prop({ type: [Object], default: undefined }) availability?: AvailabilityWindow[];
  @Prop() mentoringCapacity?: number;
  @Prop() takingBreak?: boolean;
  @Prop({ type: Object }) mentorTraining?: PhysicianInput['mentorTraining'];
  @Prop({ type: Object }) reportingLine?: PhysicianInput['reportingLine'];
  @Prop({ type: Object }) privacy?: PhysicianInput['privacy'];

  /** Optimistic concurrency: +1 on every change; updates name the version they read. */
  @Prop() version?: number;
  @Prop() createdBy?: string;
  @Prop() createdAt?: Date;
  @Prop() updatedAt?: Date;
  @Prop() erasedAt?: Date;
}

export const PhysicianSchema = SchemaFactory.createForClass(Physician);
// Unique natural key: one profile per email in a tenant; serves lookup by email (imports).
PhysicianSchema.index({ tenantId: 1, email: 1 }, { unique: true });
// Unique natural key: one profile per NPI in a tenant; serves lookup by NPI (imports).
PhysicianSchema.index({ tenantId: 1, npiKey: 1 }, { unique: true });
// Serves the unfiltered list of a tenant's active physicians, newest first, paged by (createdAt, _id).
PhysicianSchema.index({ tenantId: 1, status: 1, createdAt: -1, _id: -1 });
// Serves the list filtered by specialty.
PhysicianSchema.index({ tenantId: 1, specialty: 1, createdAt: -1 });
// Serves the list filtered by career stage.
PhysicianSchema.index({ tenantId: 1, 'careerStage.stage': 1, createdAt: -1 });
// Serves the list filtered by interest (multikey).
PhysicianSchema.index({ tenantId: 1, interests: 1 });
// Serves the list filtered by time zone (scheduling across zones).
PhysicianSchema.index({ tenantId: 1, timeZone: 1 });
PhysicianSchema.plugin(outboxPlugin);
