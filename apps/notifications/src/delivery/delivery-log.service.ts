import { Injectable } from '@nestjs/common';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { toPage, type Page } from '@medmentor/platform';
import type { NotificationChannel } from '@medmentor/contracts';
import type { DeliveryLogQuery, DeliveryView } from './delivery-log.dto';
import { DeliveryRepository } from './delivery.repository';
import type { Delivery } from './schemas/delivery.schema';

const view = (d: Delivery): DeliveryView => ({
  id: d._id,
  kind: d.kind,
  channel: d.channel as NotificationChannel,
  status: d.status,
  reason: d.reason ?? null,
  physicianId: d.physicianId ?? null,
  adminContactId: d.adminContactId ?? null,
  webhookId: d.webhookId ?? null,
  programId: d.programId ?? null,
  sourceEventId: d.sourceEventId ?? null,
  sourceEventType: d.sourceEventType ?? null,
  attempts: d.attempts,
  lastError: d.lastError ?? null,
  createdAt: d.createdAt.toISOString(),
  dueAt: d.dueAt.toISOString(),
  sentAt: d.sentAt?.toISOString() ?? null,
  finishedAt: d.finishedAt?.toISOString() ?? null,
});

@Injectable()
export class DeliveryLogService {
  constructor(private readonly repository: DeliveryRepository) {}

  async list(principal: Principal, query: DeliveryLogQuery): Promise<Page<DeliveryView>> {
    const { limit, cursor, ...filters } = query;
    const defined = Object.fromEntries(Object.entries(filters).filter(([, v]) => v !== undefined));
    const docs = await this.repository.list(tenantFilter(principal, defined), {
      limit,
      ...(cursor !== undefined && { after: cursor }),
    });
    return toPage(docs, limit, view);
  }
}
