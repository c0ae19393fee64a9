import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { KEYSET_SORT, keysetCondition, type PageRequest } from '@medmentor/platform';
import { isDuplicateKeyOnly } from '../delivery/duplicate-key';
import { InboxMessage } from './schemas/inbox-message.schema';

/** What erasure reads and rewrites of a message. */
export type NamedText = Pick<InboxMessage, '_id' | 'subject' | 'text' | 'mentions'>;

@Injectable()
export class InboxRepository {
  constructor(@InjectModel(InboxMessage.name) private readonly model: Model<InboxMessage>) {}

  /** Stores each message once per delivery id in one insert; ids stored already are left as they are. */
  async insertAllOnce(messages: TenantScoped<InboxMessage>[]): Promise<void> {
    if (messages.length === 0) return;
    try {
      await this.model.insertMany(messages, { ordered: false });
    } catch (error) {
      if (!isDuplicateKeyOnly(error)) throw error;
    }
  }

  list(
    filter: TenantScoped<{ physicianId: string; unreadOnly: boolean }>,
    page: PageRequest,
  ): Promise<InboxMessage[]> {
    const { unreadOnly, ...scope } = filter;
    return this.model
      .find({ ...scope, ...(unreadOnly && { readAt: null }), ...keysetCondition(page.after) })
      .sort(KEYSET_SORT)
      .limit(page.limit + 1)
      .lean<InboxMessage[]>()
      .exec();
  }

  countUnread(filter: TenantScoped<{ physicianId: string }>): Promise<number> {
    return this.model.countDocuments({ ...filter, readAt: null }).exec();
  }

  /** Sets `readAt` once; false when the message is not the physician's. */
  async markRead(
    filter: TenantScoped<{ _id: string; physicianId: string }>,
    at: Date,
  ): Promise<boolean> {
    const found = await this.model
      .findOne(filter)
      .select({ _id: 1, readAt: 1 })
      .lean<InboxMessage>()
      .exec();
    if (!found) return false;
    if (!found.readAt)
      await this.model.updateOne({ ...filter, readAt: null }, { $set: { readAt: at } }).exec();
    return true;
  }

  /** Messages that name the physician (by `mentions`), with what erasure rewrites. */
  mentioning(filter: TenantScoped<{ physicianId: string }>): Promise<NamedText[]> {
    return this.model
      .find({ tenantId: filter.tenantId, mentions: filter.physicianId })
      .select({ _id: 1, subject: 1, text: 1, mentions: 1 })
      .lean<NamedText[]>()
      .exec();
  }

  /** Messages stored before `mentions` was kept whose subject or text matches `pattern`. */
  legacyMatching(filter: TenantScoped<{ pattern: RegExp }>): Promise<NamedText[]> {
    return this.model
      .find({
        tenantId: filter.tenantId,
        mentions: { $exists: false },
        $or: [{ subject: { $regex: filter.pattern } }, { text: { $regex: filter.pattern } }],
      })
      .select({ _id: 1, subject: 1, text: 1 })
      .lean<NamedText[]>()
      .exec();
  }

  /** Writes back rewritten subjects and texts (and what they still name), one bulk write. */
  async rewrite(tenantId: string, messages: NamedText[]): Promise<void> {
    if (messages.length === 0) return;
    await this.model.bulkWrite(
      messages.map(({ _id, subject, text, mentions }) => ({
        updateOne: {
          filter: { _id, tenantId },
          update: { $set: { subject, text, ...(mentions !== undefined && { mentions }) } },
        },
      })),
      { ordered: false },
    );
  }

  async deleteAll(filter: TenantScoped<{ physicianId: string }>): Promise<void> {
    await this.model.deleteMany(filter).exec();
  }
}
