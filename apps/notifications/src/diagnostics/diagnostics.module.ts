import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { PingReceiptConsumer } from './ping-receipt.consumer';
import { PingReceiptController } from './ping-receipt.controller';
import { PingReceiptRepository } from './ping-receipt.repository';
import { PingReceiptService } from './ping-receipt.service';
import { PingReceipt, PingReceiptSchema } from './schemas/ping-receipt.schema';

@Module({
  imports: [MongooseModule.forFeature([{ name: PingReceipt.name, schema: PingReceiptSchema }])],
  controllers: [PingReceiptController],
  providers: [PingReceiptService, PingReceiptRepository, PingReceiptConsumer],
})
export class DiagnosticsModule {}
