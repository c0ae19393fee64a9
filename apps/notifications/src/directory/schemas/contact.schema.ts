import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';

/**
 * What this service keeps of a physician, from profiles' physician events: how to reach
 * them and how to name them. An erased physician stays as a tombstone (no name, no email,
 * the highest version) so a late or replayed snapshot cannot bring the details back.
 */
@Schema({ collection: 'contacts', versionKey: false })
export class Contact {
  /** The physician id. */
  @Prop({ type: String, required: true })
  _id!: string;

  @Prop({ required: true })
  tenantId!: string;

  @Prop()
  displayName?: string;

  @Prop()
  email?: string;

  /** They let their matches see their email: invitations list them under it, not a withheld one. */
  @Prop()
  emailVisibleToMatches?: boolean;

  @Prop()
  timeZone?: string;

  @Prop({ required: true })
  version!: number;

  @Prop({ required: true, default: false })
  erased!: boolean;

  /**
   * While an erasure runs: the name it is removing from messages already rendered, so a
   * redelivered erasure event can finish the work if the first attempt stopped halfway.
   * Removed when the erasure is done.
   */
  @Prop()
  redacting?: string;
}

export const ContactSchema = SchemaFactory.createForClass(Contact);
