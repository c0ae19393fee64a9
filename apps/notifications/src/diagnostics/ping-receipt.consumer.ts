import { Injectable } from '@nestjs/common';
import { EventHandler, type ConsumedEvent } from '@medmentor/messaging';
import { PingReceiptService } from './ping-receipt.service';

@Injectable()
export class PingReceiptConsumer {
  constructor(private readonly receipts: PingReceiptService) {}

  @EventHandler('medmentor.diagnostics.ping.sent')
  onPingSent(event: ConsumedEvent<'medmentor.diagnostics.ping.sent'>): Promise<void> {
    return this.receipts.record(event);
  }
}
