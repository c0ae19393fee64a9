import { Injectable } from '@nestjs/common';
import { DeliveryRepository, type NamedData } from '../delivery/delivery.repository';
import type { StoredPayload } from '../delivery/planned-message';
import { InboxRepository, type NamedText } from '../inbox/inbox.repository';
import { digestKind } from '../kinds/digest.kind';
import { DirectoryRepository } from './directory.repository';
import { namePattern, redactName, redactNameInJson } from './erased-name';

/** Something just stored with names rendered into it: the physicians it names, and how. */
export interface WrittenText {
  tenantId: string;
  _id: string;
  /** Physician id to the display name rendered. */
  named: Record<string, string>;
  subject?: string;
  text?: string;
  /** A delivery's data (digests). */
  data?: string;
  mentions: string[];
}

const without = (ids: string[] | undefined, physicianId: string) =>
  (ids ?? []).filter((id) => id !== physicianId);

const namesIn = (data: string | undefined): string[] | undefined => {
  if (data === undefined) return undefined;
  const names = (JSON.parse(data) as StoredPayload).names;
  return names === undefined ? undefined : Object.values(names);
};

/**
 * Takes an erased physician's name out of what other physicians were sent and this service
 * keeps rendered: inbox messages and digests (their lines' subjects). Stored texts record the
 * physicians they name (`mentions`), so they are found by index; texts stored before that are
 * found by a scan of the tenant for the name. The name becomes "a former participant".
 */
@Injectable()
export class NameRedaction {
  constructor(
    private readonly inbox: InboxRepository,
    private readonly deliveries: DeliveryRepository,
    private readonly directory: DirectoryRepository,
  ) {}

  /**
   * Rewrites every stored text naming the physician. `name` is their display name (unknown if
   * the contact never arrived or the work was finished before: then only the ids are dropped
   * from `mentions`, since nothing can hold a name this service never had or already removed).
   */
  async redact(tenantId: string, physicianId: string, name: string | undefined): Promise<void> {
    const pattern = name === undefined ? undefined : namePattern(name);
    const rewrite = (value: string) => (name === undefined ? value : redactName(value, name));
    const [mentioned, legacy, digests, legacyDigests] = await Promise.all([
      this.inbox.mentioning({ tenantId, physicianId }),
      pattern === undefined ? [] : this.inbox.legacyMatching({ tenantId, pattern }),
      this.deliveries.mentioning({ tenantId, physicianId }),
      pattern === undefined
        ? []
        : this.deliveries.legacyDigestsMatching({ tenantId, kind: digestKind.kind, pattern }),
    ]);
    const homonyms = await this.namedSomeoneElse(tenantId, physicianId, legacy);
    await this.inbox.rewrite(tenantId, [
      ...mentioned.map((message) => ({
        _id: message._id,
        subject: rewrite(message.subject),
        text: rewrite(message.text),
        mentions: without(message.mentions, physicianId),
      })),
      ...legacy
        .filter((message) => !homonyms.has(message._id))
        .map((message) => ({
          _id: message._id,
          subject: rewrite(message.subject),
          text: rewrite(message.text),
        })),
    ]);
    const redactData = (data: string | undefined) =>
      data === undefined || name === undefined ? data : redactNameInJson(data, name);
    await this.deliveries.rewriteData(tenantId, [
      ...digests.map((digest) => ({
        _id: digest._id,
        data: redactData(digest.data),
        mentions: without(digest.mentions, physicianId),
      })),
      ...legacyDigests.map((digest) => ({ _id: digest._id, data: redactData(digest.data) })),
    ]);
  }

  /**
   * After texts were stored: a physician they name may have been erased meanwhile (names read
   * before the erasure, stored after it looked). Such texts are rewritten here; the erasure
   * stores its tombstone before it looks, so between the two every text is covered.
   */
  async afterWrite(written: WrittenText[], target: 'inbox' | 'deliveries'): Promise<void> {
    const byTenant = new Map<string, WrittenText[]>();
    for (const item of written) {
      if (item.mentions.length === 0) continue;
      byTenant.set(item.tenantId, [...(byTenant.get(item.tenantId) ?? []), item]);
    }
    for (const [tenantId, items] of byTenant) {
      const erased = await this.directory.erasedAmong({
        tenantId,
        ids: [...new Set(items.flatMap((item) => item.mentions))],
      });
      if (erased.size === 0) continue;
      const fixed = items
        .filter((item) => item.mentions.some((id) => erased.has(id)))
        .map((item) => {
          const names = Object.entries(item.named)
            .filter(([id]) => erased.has(id))
            .map(([, name]) => name);
          const redact = (value: string) => names.reduce(redactName, value);
          return {
            _id: item._id,
            subject: redact(item.subject ?? ''),
            text: redact(item.text ?? ''),
            data:
              item.data === undefined
                ? undefined
                : names.reduce((data, name) => redactNameInJson(data, name), item.data),
            mentions: item.mentions.filter((id) => !erased.has(id)),
          };
        });
      if (target === 'inbox') await this.inbox.rewrite(tenantId, fixed);
      else
        await this.deliveries.rewriteData(
          tenantId,
          fixed.map(({ _id, data, mentions }) => ({ _id, data, mentions })),
        );
    }
  }

  /** Legacy messages whose delivery says whom they name, and it is not this physician. */
  private async namedSomeoneElse(
    tenantId: string,
    physicianId: string,
    messages: NamedText[],
  ): Promise<Set<string>> {
    const data: NamedData[] = await this.deliveries.dataOf({
      tenantId,
      ids: messages.map((message) => message._id),
    });
    return new Set(
      data
        .filter((delivery) => {
          const named = namesIn(delivery.data);
          return named !== undefined && !named.includes(physicianId);
        })
        .map((delivery) => delivery._id),
    );
  }
}
