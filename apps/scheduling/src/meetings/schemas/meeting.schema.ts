import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import { outboxPlugin } from '@medmentor/messaging';

export const MEETING_STATUSES = ['scheduled', 'completed', 'cancelled'] as const;
export type MeetingStatus = (typeof MEETING_STATUSES)[number];

export interface AgendaItem {
  id: string;
  text: string;
  addedBy?: string;
}

export interface ActionItem {
  id: string;
  text: string;
  ownerId: string;
  due?: string;
  status: 'open' | 'done';
}

export interface Feedback {
  physicianId: string;
  side: 'mentee' | 'mentor';
  rating: number;
  comment?: string;
  at: Date;
}

/**
 * One meeting: the kickoff (`<match>:kickoff`) or one check-in of the series
 * (`<match>:check-in:<n>`). The ids are natural keys, so planning the same match twice
 * (redelivery, two replicas) inserts nothing twice.
 */
@Schema({ collection: 'meetings', versionKey: false })
export class Meeting {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) matchId!: string;
  @Prop({ required: true }) programId!: string;
  @Prop({ required: true }) role!: string;
  @Prop({ type: String, required: true }) kind!: 'kickoff' | 'check-in';
  @Prop() seriesId?: string;
  @Prop() occurrence?: number;
  @Prop({ required: true }) menteeId!: string;
  @Prop({ required: true }) mentorId!: string;
  @Prop({ required: true }) menteeTimeZone!: string;
  @Prop({ required: true }) mentorTimeZone!: string;
  @Prop({ required: true }) start!: Date;
  @Prop({ required: true }) end!: Date;
  @Prop({ type: String, required: true, enum: MEETING_STATUSES }) status!: MeetingStatus;
  /** +1 with every change: the iCalendar SEQUENCE and the version clients send back. */
  @Prop({ required: true }) sequence!: number;
  @Prop({ required: true }) videoUrl!: string;
  @Prop({ type: [Object], default: [] }) agenda!: AgendaItem[];
  @Prop({ default: '' }) notes!: string;
  @Prop({ type: [Object], default: [] }) actionItems!: ActionItem[];
  @Prop({ type: [Object], default: [] }) feedback!: Feedback[];
  /** Reminder offsets (minutes) already announced or skipped. */
  @Prop({ type: [Number], default: [] }) remindersDone!: number[];
  /** When the next reminder is due; unset when none is left. */
  @Prop() reminderAt?: Date;
  @Prop() completedAt?: Date;
  @Prop() cancelReason?: string;
  @Prop({ required: true }) createdAt!: Date;
}

export const MeetingSchema = SchemaFactory.createForClass(Meeting);
// Serves the reminder scan: meetings whose next reminder is due, across tenants.
MeetingSchema.index({ reminderAt: 1 });
// Serves a match's meetings in time order, and "future meetings of a match" on cancellation.
MeetingSchema.index({ tenantId: 1, matchId: 1, start: 1 });
// Serves a physician's meetings in time order (as mentee, as mentor).
MeetingSchema.index({ tenantId: 1, menteeId: 1, start: 1 });
MeetingSchema.index({ tenantId: 1, mentorId: 1, start: 1 });
MeetingSchema.plugin(outboxPlugin);
