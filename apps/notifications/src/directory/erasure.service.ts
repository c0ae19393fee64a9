import { Injectable } from '@nestjs/common';
import { Clock } from '../config/clock';
import { DeliveryRepository } from '../delivery/delivery.repository';
import { EmailCapRepository } from '../delivery/email-cap.repository';
import { outcomeEvent } from '../delivery/outcome-event';
import { InboxRepository } from '../inbox/inbox.repository';
import { PreferenceRepository } from '../preferences/preference.repository';
import { NameRedaction } from './name-redaction.service';

/**
 * What erasing a physician means here: their inbox and preferences are deleted, messages
 * still waiting are skipped (`recipient-erased`), and no delivery keeps message data about
 * them; the delivery log keeps ids only. Their name is taken out of what others were sent and
 * this service keeps (inbox messages, digests). Safe to run twice.
 */
@Injectable()
export class ErasureService {
  constructor(
    private readonly deliveries: DeliveryRepository,
    private readonly cap: EmailCapRepository,
    private readonly inbox: InboxRepository,
    private readonly preferences: PreferenceRepository,
    private readonly redaction: NameRedaction,
    private readonly clock: Clock,
  ) {}

  /** `name`: their display name as messages show it, if known. */
  async erase(tenantId: string, physicianId: string, name?: string): Promise<void> {
    const now = this.clock.now();
    for (const open of await this.deliveries.openFor({ tenantId, physicianId })) {
      const event = outcomeEvent(
        { ...open, tenantId, physicianId, webhookId: undefined },
        { type: 'medmentor.notifications.delivery.skipped', reason: 'recipient-erased' },
        now,
      );
      await this.deliveries.skip({ _id: open._id, tenantId }, 'recipient-erased', event, now);
    }
    await this.deliveries.forgetData({ tenantId, physicianId });
    await this.inbox.deleteAll({ tenantId, physicianId });
    await this.preferences.delete({ _id: physicianId, tenantId });
    await this.cap.deleteFor({ tenantId, physicianId });
    await this.redaction.redact(tenantId, physicianId, name);
  }
}
