import type { InvitationSpec } from '../kinds/meeting-invitation';

/** An attachment carried with a message (e.g. a rank-list CSV). */
export interface MessageAttachment {
  filename: string;
  contentType: string;
  /** The content, base64. */
  content: string;
}

/** Who a planned message is for: a physician, or the program's administrator contacts. */
export type Recipient = { physicianId: string } | { admins: true };

/**
 * What a kind's planner makes of an event: one message of a kind for one recipient. `names`
 * maps template variables to physician ids whose display names are read at send time (so an
 * erasure in between is honoured), e.g. `{ other: '<mentor id>' }` gives `{{other.name}}`.
 */
export interface PlannedMessage {
  kind: string;
  recipient: Recipient;
  programId?: string;
  data: Record<string, unknown>;
  names?: Record<string, string>;
  attachments?: MessageAttachment[];
  /** A meeting invitation (.ics), built when the mail is sent. */
  invitation?: InvitationSpec;
}

/** What a delivery stores as its `data` (JSON). */
export interface StoredPayload {
  data: Record<string, unknown>;
  names?: Record<string, string>;
  attachments?: MessageAttachment[];
  invitation?: InvitationSpec;
}
