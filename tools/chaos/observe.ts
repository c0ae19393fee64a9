// Reads what the run left behind: the services' databases, the mailbox, the dead-letter
// topics and the consumer groups' offsets.
import { AssignerProtocol, type Admin } from 'kafkajs';
import type { MongoClient } from 'mongodb';
import { deadLetterTopicOf, type ServiceName } from '@medmentor/contracts';
import { DLQ_HEADERS } from '@medmentor/messaging';
import { KafkaReader } from '@medmentor/testing';
import { MailWatch } from '../bench/mailbox';
import {
  CHAOS_SERVICES,
  consumersByTopic,
  INVALID_ID_HEADER,
  type InvalidMessage,
} from './chaos-plan';
import type { ChaosStack } from './chaos-stack';
import type { Observed } from './verdict';

export interface RunFacts {
  tenantId: string;
  activated: readonly string[];
  /** Physicians updated during the flow, with the version each update carried. */
  updated: ReadonlyMap<string, number>;
  invalid: readonly InvalidMessage[];
  repeatBound: number;
  emailOf: (physicianId: string) => string;
}

interface MatchDoc {
  _id: string;
  menteeId: string;
  mentorId: string;
  kickoff?: string;
  series?: { id: string };
}
interface MeetingDoc {
  _id: string;
  matchId: string;
  kind: string;
  menteeId: string;
  mentorId: string;
}
interface AnalyticsDoc {
  _id: string;
  matchId: string;
  activatedAt?: Date | null;
  meetings?: unknown[];
}
interface PhysicianFactDoc {
  _id: string;
  physicianId: string;
  version: number;
}
interface DeliveryDoc {
  _id: string;
  status: string;
}

export class Observer {
  private readonly mails = new MailWatch();
  /** Topics that may have dead-letter topics: every topic the catalog gives a consumer. */
  private readonly consumers = consumersByTopic();
  /** What each service's group really subscribes to, as its members told the broker. */
  private readonly subscribed = new Map<ServiceName, string[]>();
  private deadLetters: KafkaReader | undefined;

  constructor(
    private readonly stack: ChaosStack,
    private readonly mongo: MongoClient,
    private readonly admin: Admin,
    private readonly facts: RunFacts,
  ) {}

  private db(name: ServiceName) {
    return this.mongo.db(this.stack.databaseOf(name));
  }

  /** Activations scheduling has planned (a kickoff outcome is set). */
  async planned(): Promise<number> {
    return this.db('scheduling')
      .collection('matches')
      .countDocuments({ tenantId: this.facts.tenantId, kickoff: { $exists: true } });
  }

  /** Emails notifications has sent. */
  async mailed(): Promise<number> {
    return this.db('notifications')
      .collection('deliveries')
      .countDocuments({ tenantId: this.facts.tenantId, channel: 'email', status: 'sent' });
  }

  /** Email deliveries of the run not sent (yet): pending, retrying, failed. */
  async unsent(): Promise<number> {
    return this.db('notifications')
      .collection('deliveries')
      .countDocuments({ tenantId: this.facts.tenantId, channel: 'email', status: { $ne: 'sent' } });
  }

  /** Starts reading the dead-letter topics (once the broker stays up). */
  async followDeadLetters(): Promise<void> {
    this.deadLetters = await new KafkaReader().start(
      [...this.consumers.keys()].map(deadLetterTopicOf),
    );
  }

  async stop(): Promise<void> {
    await this.deadLetters?.stop();
  }

  async observe(): Promise<Observed> {
    const { tenantId } = this.facts;
    const scheduling = this.db('scheduling');
    const [matches, meetings, analytics, facts, deliveries] = await Promise.all([
      scheduling
        .collection<MatchDoc>('matches')
        .find(
          { tenantId },
          { projection: { menteeId: 1, mentorId: 1, kickoff: 1, 'series.id': 1 } },
        )
        .toArray(),
      scheduling
        .collection<MeetingDoc>('meetings')
        .find({ tenantId }, { projection: { matchId: 1, kind: 1, menteeId: 1, mentorId: 1 } })
        .toArray(),
      this.db('profiles')
        .collection<AnalyticsDoc>('analytics_matches')
        .find({ tenantId }, { projection: { matchId: 1, activatedAt: 1, meetings: 1 } })
        .toArray(),
      this.db('matching')
        .collection<PhysicianFactDoc>('physician_facts')
        .find(
          { tenantId, physicianId: { $in: [...this.facts.updated.keys()] } },
          { projection: { physicianId: 1, version: 1 } },
        )
        .toArray(),
      this.db('notifications')
        .collection<DeliveryDoc>('deliveries')
        .find({ tenantId, channel: 'email' }, { projection: { status: 1 } })
        .toArray(),
    ]);
    await this.mails.poll();
    const recipients = new Set(
      matches.flatMap((m) => [this.facts.emailOf(m.menteeId), this.facts.emailOf(m.mentorId)]),
    );
    const versions = new Map(facts.map((f) => [f.physicianId, f.version]));
    const letters = this.deadLetters?.messages ?? [];
    await this.readSubscriptions();
    return {
      activated: this.facts.activated,
      scheduling: {
        matches: matches.map((m) => ({
          _id: m._id,
          menteeId: m.menteeId,
          mentorId: m.mentorId,
          kickoff: m.kickoff,
          seriesId: m.series?.id,
        })),
        meetings: meetings.map((m) => ({
          matchId: m.matchId,
          kind: m.kind,
          menteeId: m.menteeId,
          mentorId: m.mentorId,
        })),
      },
      profilesAnalytics: analytics.map((a) => ({
        matchId: a.matchId,
        activated: a.activatedAt !== undefined && a.activatedAt !== null,
        meetings: a.meetings?.length ?? 0,
      })),
      matchingVersions: [...this.facts.updated].map(([physicianId, expected]) => ({
        physicianId,
        expected,
        actual: versions.get(physicianId),
      })),
      emailDeliveries: deliveries.map((d) => ({ status: d.status })),
      mails: this.mails.entries.filter((m) => m.to.some((to) => recipients.has(to.toLowerCase()))),
      emailOf: this.facts.emailOf,
      repeatBound: this.facts.repeatBound,
      invalid: this.facts.invalid,
      consumersOf: (topic) => CHAOS_SERVICES.filter((s) => this.subscribed.get(s)?.includes(topic)),
      groupOf: (service) => this.stack.groupOf(service),
      deadLetters: letters
        .filter((l) => l.headers[INVALID_ID_HEADER] !== undefined)
        .map((l) => ({
          invalidId: l.headers[INVALID_ID_HEADER],
          group: l.headers[DLQ_HEADERS.group] ?? '',
          reason: l.headers[DLQ_HEADERS.reason] ?? '',
        })),
      strayDeadLetters: letters.filter(
        (l) =>
          l.headers[INVALID_ID_HEADER] === undefined &&
          (l.value ?? '').includes(`"tenantid":"${tenantId}"`),
      ).length,
      ...(await this.lags()),
      ready: await this.stack.ready(),
    };
  }

  /**
   * The topics each group's members subscribe to (the catalog's consumer lists are not what
   * the services subscribe to in every case); the last answer is kept while a group rebalances.
   */
  private async readSubscriptions(): Promise<void> {
    const groups = CHAOS_SERVICES.map((s) => this.stack.groupOf(s));
    const { groups: described } = await this.admin.describeGroups(groups);
    for (const service of CHAOS_SERVICES) {
      const group = described.find((g) => g.groupId === this.stack.groupOf(service));
      const topics = new Set(
        (group?.members ?? []).flatMap(
          (m) => AssignerProtocol.MemberMetadata.decode(m.memberMetadata)?.topics ?? [],
        ),
      );
      if (topics.size > 0) this.subscribed.set(service, [...topics].sort());
    }
  }

  /** Per service group: end offset minus committed offset over the topics it consumes. */
  private async lags(): Promise<{ lag: Record<string, number | undefined>; lagging: string[] }> {
    const lag: Record<string, number | undefined> = {};
    const lagging: string[] = [];
    for (const service of CHAOS_SERVICES) {
      const group = this.stack.groupOf(service);
      const topics = this.subscribed.get(service) ?? [];
      try {
        const committed = await this.admin.fetchOffsets({ groupId: group, topics });
        let total = 0;
        for (const { topic, partitions } of committed) {
          const ends = await this.admin.fetchTopicOffsets(topic);
          for (const end of ends) {
            const at = Number(partitions.find((p) => p.partition === end.partition)?.offset ?? -1);
            const behind = Number(end.high) - (at >= 0 ? at : Number(end.low));
            if (behind > 0) lagging.push(`${group} ${topic}[${end.partition}]: ${behind}`);
            total += behind;
          }
        }
        lag[group] = total;
      } catch {
        lag[group] = undefined;
      }
    }
    return { lag, lagging };
  }
}
