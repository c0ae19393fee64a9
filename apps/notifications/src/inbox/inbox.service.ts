import { Injectable } from '@nestjs/common';
import { tenantFilter, type Principal } from '@medmentor/auth';
import { DomainError, toPage, type Page } from '@medmentor/platform';
import { Clock } from '../config/clock';
import type { InboxMessageView, InboxQuery } from './inbox.dto';
import { InboxRepository } from './inbox.repository';
import type { InboxMessage } from './schemas/inbox-message.schema';

const physicianOf = (principal: Principal): string => {
  if (principal.physicianId === undefined) {
    throw new DomainError({
      code: 'inbox-needs-physician',
      status: 403,
      title: 'Only a physician has an inbox',
      detail: 'The token names no physician; the inbox belongs to the physician who signed in.',
    });
  }
  return principal.physicianId;
};

const view = (m: InboxMessage): InboxMessageView => ({
  id: m._id,
  kind: m.kind,
  subject: m.subject,
  text: m.text,
  createdAt: m.createdAt.toISOString(),
  readAt: m.readAt ? m.readAt.toISOString() : null,
});

/** A physician's own in-app messages; nobody else's are reachable. */
@Injectable()
export class InboxService {
  constructor(
    private readonly repository: InboxRepository,
    private readonly clock: Clock,
  ) {}

  async list(principal: Principal, query: InboxQuery): Promise<Page<InboxMessageView>> {
    const docs = await this.repository.list(
      tenantFilter(principal, { physicianId: physicianOf(principal), unreadOnly: query.unread }),
      { limit: query.limit, ...(query.cursor !== undefined && { after: query.cursor }) },
    );
    return toPage(docs, query.limit, view);
  }

  async unreadCount(principal: Principal): Promise<{ unread: number }> {
    return {
      unread: await this.repository.countUnread(
        tenantFilter(principal, { physicianId: physicianOf(principal) }),
      ),
    };
  }

  async markRead(principal: Principal, messageId: string): Promise<void> {
    const found = await this.repository.markRead(
      tenantFilter(principal, { _id: messageId, physicianId: physicianOf(principal) }),
      this.clock.now(),
    );
    if (!found) {
      throw new DomainError({
        code: 'inbox-message-not-found',
        status: 404,
        title: 'Message not found',
        detail: `No message ${messageId} in your inbox.`,
      });
    }
  }
}
