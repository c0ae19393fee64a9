import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import {
  ENROLLMENT_STATUSES,
  type EnrollmentPreferences,
  type EnrollmentStatus,
} from '@medmentor/contracts';
import {
  ENROLLMENT_ROLES,
  type CareerStageName,
  type EnrollmentRole,
  type MentoringTopic,
  type MentorshipRole,
} from '@medmentor/domain';
import { outboxPlugin } from '@medmentor/messaging';

/**
 * What the enrollment search filters on from the physician's profile: copied at enrollment
 * and refreshed from the profile's `updated` events (older versions are ignored).
 */
export interface ProfileFacts {
  specialty: string;
  subspecialty?: string;
  careerStage: CareerStageName;
  interests: string[];
  /** Absent on enrollments stored before languages were copied (until the next profile change). */
  languages?: string[];
  country?: string;
  region?: string;
  /** The profile version these facts come from. */
  version: number;
}

/** The ordered enrollment ids of the other side (national-ranked programs; mentees and mentors). */
export interface RankList {
  ranks: string[];
  submittedAt?: Date;
  /** Set once, by the freeze after the program's rank-list deadline. */
  frozenAt?: Date;
}

/** A physician's enrollment in one program, from submission to withdrawal. */
@Schema({ collection: 'enrollments', versionKey: false, minimize: false })
export class Enrollment {
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop({ required: true })
  programId!: string;

  @Prop({ required: true })
  physicianId!: string;

  @Prop({ type: String, required: true, enum: ENROLLMENT_ROLES })
  side!: EnrollmentRole;

  @Prop({ type: [String], required: true })
  roles!: MentorshipRole[];

  @Prop({ type: [String], default: [] })
  topics!: MentoringTopic[];

  @Prop({ type: Object, required: true })
  preferences!: EnrollmentPreferences;

  /** Mentors only: how many mentees they take in this program. */
  @Prop()
  capacity?: number;

  @Prop({ type: String, required: true, enum: ENROLLMENT_STATUSES })
  status!: EnrollmentStatus;

  /**
   * `<programId>:<physicianId>` while active, `withdrawn:<id>` after: a unique key that allows
   * one active enrollment per physician and program (FerretDB has no partial unique index).
   */
  @Prop({ required: true })
  activeKey!: string;

  @Prop({ type: Object })
  rankList?: RankList;

  /** Absent once the physician is erased. */
  @Prop({ type: Object })
  profile?: ProfileFacts;

  /** Optimistic concurrency: +1 on every change, rank-list edits and the freeze included. */
  @Prop({ required: true })
  version!: number;

  @Prop({ required: true })
  createdBy!: string;

  @Prop({ required: true })
  createdAt!: Date;

  @Prop({ required: true })
  updatedAt!: Date;

  @Prop({ type: Date })
  withdrawnAt?: Date;
}

export const EnrollmentSchema = SchemaFactory.createForClass(Enrollment);
// Unique natural key: one active enrollment per physician and program; withdrawn ones free it.
EnrollmentSchema.index({ tenantId: 1, activeKey: 1 }, { unique: true });
// Serves the admins' unfiltered list, newest first, paged by (createdAt, _id).
EnrollmentSchema.index({ tenantId: 1, createdAt: -1, _id: -1 });
// Serves the list of one program, and the freeze sweep and rank-list checks of a program.
EnrollmentSchema.index({ tenantId: 1, programId: 1, status: 1, side: 1, createdAt: -1 });
// Serves a physician's own list, and the profile-event handlers (by physician).
EnrollmentSchema.index({ tenantId: 1, physicianId: 1, createdAt: -1 });
// Serves the search by the physician's specialty.
EnrollmentSchema.index({ tenantId: 1, 'profile.specialty': 1, createdAt: -1 });
// Serves the search by the physician's career stage.
EnrollmentSchema.index({ tenantId: 1, 'profile.careerStage': 1, createdAt: -1 });
EnrollmentSchema.plugin(outboxPlugin);
