import type { InboxMessage } from '../inbox/schemas/inbox-message.schema';
import type { DeliveryLookups } from './delivery-lookups.service';
import type { DeliveryOutcomes } from './delivery.repository';

/**
 * One dispatcher pass: the lease token of its deliveries, what rendering them reads (once),
 * and the writes their outcomes make, gathered to be written together at the end of the pass
 * (inbox messages first, then outcomes with their events).
 */
export class DispatchBatch {
  readonly outcomes: DeliveryOutcomes = { finished: [], rescheduled: [] };
  readonly inbox: InboxMessage[] = [];
  /** Per inbox message id: the display names it shows, by physician id. */
  readonly inboxNames = new Map<string, Record<string, string>>();

  constructor(
    readonly token: string,
    readonly lookups?: DeliveryLookups,
  ) {}
}
