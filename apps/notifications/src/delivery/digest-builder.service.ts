import { Injectable } from '@nestjs/common';
import { Clock } from '../config/clock';
import { DirectoryService } from '../directory/directory.service';
import { NameRedaction } from '../directory/name-redaction.service';
import { digestKind } from '../kinds/digest.kind';
import { groupDigestItems } from '../policy/digest-period';
import { quietHoursEnd } from '../policy/quiet-hours';
import { PreferenceService } from '../preferences/preference.service';
import { DeliveryRenderer } from './delivery-renderer.service';
import { DeliveryRepository } from './delivery.repository';
import { outcomeEvent } from './outcome-event';
import type { StoredPayload } from './planned-message';

/**
 * Gathers digest-queued messages whose period ended into one digest email per physician and
 * period (id `digest:<tenant>:<physician>:<period>:email`, so building it twice is harmless),
 * then marks the items as taken in (`skipped`, reason `digested`).
 */
@Injectable()
export class DigestBuilder {
  constructor(
    private readonly repository: DeliveryRepository,
    private readonly renderer: DeliveryRenderer,
    private readonly directory: DirectoryService,
    private readonly preferences: PreferenceService,
    private readonly redaction: NameRedaction,
    private readonly clock: Clock,
  ) {}

  /** Builds the digests that are due; returns how many were built. */
  async run(limit = 200): Promise<number> {
    const now = this.clock.now();
    const due = await this.repository.dueDigestItems(now, limit);
    const keys = new Map<string, { tenantId: string; digestKey: string; physicianId: string }>();
    for (const item of due) {
      if (item.digestKey === undefined || item.physicianId === undefined) continue;
      keys.set(`${item.tenantId}|${item.digestKey}`, {
        tenantId: item.tenantId,
        digestKey: item.digestKey,
        physicianId: item.physicianId,
      });
    }
    for (const { tenantId, digestKey, physicianId } of keys.values()) {
      const items = await this.repository.digestItems({ tenantId, digestKey });
      const contact = await this.directory.contact(tenantId, physicianId);
      const { subjects, mentions, named } = await this.renderer.subjectsOf(
        items,
        contact?.displayName,
      );
      const lines = items.map((item, index) => ({
        kind: item.kind,
        createdAt: item.createdAt,
        subject: subjects[index],
      }));
      const payload: StoredPayload = {
        data: { count: items.length, sections: groupDigestItems(lines) },
      };
      const [prefs, timeZone] = await Promise.all([
        this.preferences.forRecipient(tenantId, physicianId),
        this.preferences.timeZoneOf(tenantId, physicianId),
      ]);
      const quietEnd = prefs.quietHours ? quietHoursEnd(now, timeZone, prefs.quietHours) : null;
      const digestId = `digest:${tenantId}:${digestKey}:email`;
      await this.repository.insertNew([
        {
          _id: digestId,
          tenantId,
          kind: digestKind.kind,
          category: digestKind.category,
          priority: digestKind.priority,
          channel: 'email',
          physicianId,
          data: JSON.stringify(payload),
          mentions,
          status: 'pending',
          dueAt: quietEnd ?? now,
          createdAt: now,
        },
      ]);
      // The lines name other physicians; one erased while this digest was built is redacted.
      await this.redaction.afterWrite(
        [{ tenantId, _id: digestId, named, data: JSON.stringify(payload), mentions }],
        'deliveries',
      );
      await this.repository.markDigested(
        items.map((item) => ({
          id: item._id,
          event: outcomeEvent(
            item,
            { type: 'medmentor.notifications.delivery.skipped', reason: 'digested' },
            now,
          ),
        })),
        digestId,
        now,
      );
    }
    return keys.size;
  }
}
