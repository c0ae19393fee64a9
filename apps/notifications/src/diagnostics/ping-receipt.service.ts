import { Injectable } from '@nestjs/common';
import { tenantFilter, type Principal } from '@medmentor/auth';
import type { ConsumedEvent } from '@medmentor/messaging';
import { DomainError } from '@medmentor/platform';
import { PingReceiptRepository, type PingReceiptView } from './ping-receipt.repository';

@Injectable()
export class PingReceiptService {
  constructor(private readonly receipts: PingReceiptRepository) {}

  async record(event: ConsumedEvent<'medmentor.diagnostics.ping.sent'>): Promise<void> {
    await this.receipts.record({
      _id: event.data.pingId,
      tenantId: event.tenantid,
      eventId: event.id,
      correlationId: event.correlationid,
      message: event.data.message,
      sentAt: new Date(event.data.sentAt),
    });
  }

  async get(principal: Principal, pingId: string): Promise<PingReceiptView> {
    const receipt = await this.receipts.findById(tenantFilter(principal, { _id: pingId }));
    if (!receipt) {
      throw new DomainError({
        code: 'ping-receipt-not-found',
        status: 404,
        title: 'Ping receipt not found',
        detail: `No ping ${pingId} has reached this service in this tenant.`,
      });
    }
    return receipt;
  }
}
