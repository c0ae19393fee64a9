import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { OutgoingEvent } from '@medmentor/contracts';
import type { TenantScoped } from '@medmentor/auth';
import { outboxFields, OUTBOX_FIELDS } from '@medmentor/messaging';
import { DiagnosticPing } from './schemas/diagnostic-ping.schema';

export interface PingView {
  pingId: string;
  message: string;
  sentBy: string;
  sentAt: Date;
  /** False while the ping's event still waits in the outbox. */
  published: boolean;
}

@Injectable()
export class DiagnosticPingRepository {
  constructor(@InjectModel(DiagnosticPing.name) private readonly model: Model<DiagnosticPing>) {}

  /** Inserts the ping and its event in one write. */
  async create(ping: TenantScoped<Omit<DiagnosticPing, 'tenantId'>>, events: OutgoingEvent[]): Promise<void> {
    await this.model.create({ ...ping, ...outboxFields(events) });
  }

  async findById(filter: TenantScoped<{ _id: string }>): Promise<PingView | null> {
    const doc = await this.model
      .findOne(filter)
      .select({ [OUTBOX_FIELDS.pending]: 1, message: 1, sentBy: 1, sentAt: 1 })
      .lean<DiagnosticPing & { [OUTBOX_FIELDS.pending]?: boolean }>()
      .exec();
    if (!doc) return null;
    return {
      pingId: doc._id,
      message: doc.message,
      sentBy: doc.sentBy,
      sentAt: doc.sentAt,
      published: doc[OUTBOX_FIELDS.pending] !== true,
    };
  }
}
