import { randomUUID } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import type { Principal } from '@medmentor/auth';
import { matchNotActive, NotFoundError } from '../access/access-errors';
import { CLOCK, type Clock } from '../config/clock';
import type { ResourceDto, ResourceView } from '../programs/dto/program-content.dto';
import { authorOf, toResourceView } from '../programs/program-content.service';
import { MatchRepository } from './match.repository';
import { MeetingService } from './meeting.service';
import type { MatchResource } from './schemas/match.schema';

/** Titled links a pair (and admins) keep for their mentorship. */
@Injectable()
export class MatchResourceService {
  constructor(
    private readonly meetings: MeetingService,
    private readonly matches: MatchRepository,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async list(principal: Principal, matchId: string) {
    const match = await this.meetings.visibleMatch(principal, matchId);
    const items = [...(match.resources ?? [])].sort(
      (a, b) => b.createdAt.getTime() - a.createdAt.getTime() || a.id.localeCompare(b.id),
    );
    return { items: items.map(toResourceView) };
  }

  async add(principal: Principal, matchId: string, dto: ResourceDto): Promise<ResourceView> {
    const match = await this.meetings.visibleMatch(principal, matchId);
    if (match.status !== 'active') throw matchNotActive(match.status);
    const resource: MatchResource = {
      id: randomUUID(),
      title: dto.title,
      url: dto.url,
      ...(dto.note && { note: dto.note }),
      addedBy: authorOf(principal),
      createdAt: this.clock.now(),
    };
    await this.matches.addResource({ tenantId: principal.tenantId, _id: matchId }, resource);
    return toResourceView(resource);
  }

  async remove(principal: Principal, matchId: string, resourceId: string): Promise<void> {
    const match = await this.meetings.visibleMatch(principal, matchId);
    const resource = (match.resources ?? []).find((r) => r.id === resourceId);
    const removed =
      resource &&
      (await this.matches.removeResource({ tenantId: principal.tenantId, _id: matchId }, resource));
    if (!removed) throw new NotFoundError('resource', resourceId);
  }
}
