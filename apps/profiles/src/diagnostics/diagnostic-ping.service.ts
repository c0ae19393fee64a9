import { Injectable } from '@nestjs/common';
import { createEvent } from '@medmentor/contracts';
import { newId } from '@medmentor/domain';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { getCorrelationId } from '@medmentor/platform';
import { DiagnosticPingRepository, type PingView } from './diagnostic-ping.repository';
import type { SendPingDto } from './dto/send-ping.dto';
import { PingNotFoundError } from './ping-not-found.error';

@Injectable()
export class DiagnosticPingService {
  constructor(private readonly pings: DiagnosticPingRepository) {}

  async send(principal: Principal, dto: SendPingDto): Promise<{ pingId: string }> {
    const pingId = newId();
    const sentAt = new Date();
    const event = createEvent(
      'medmentor.diagnostics.ping.sent',
      { pingId, message: dto.message, sentAt: sentAt.toISOString() },
      { tenantId: principal.tenantId, source: 'profiles', correlationId: getCorrelationId() },
    );
    await this.pings.create(
      { _id: pingId, tenantId: principal.tenantId, message: dto.message, sentBy: principal.subject, sentAt },
      [event],
    );
    return { pingId };
  }

  async get(principal: Principal, pingId: string): Promise<PingView> {
    const ping = await this.pings.findById(tenantFilter(principal, { _id: pingId }));
    if (!ping) throw new PingNotFoundError(pingId);
    return ping;
  }
}
