// Pure: what the chaos run does and when, drawn from one seed so a failing run can be replayed.
import { eventCatalog, type ServiceName } from '@medmentor/contracts';
import { Prng } from '../synthetic/prng';

export const CHAOS_SERVICES: readonly ServiceName[] = [
  'profiles',
  'matching',
  'scheduling',
  'notifications',
];

/**
 * How far the flow is, 0..1. `planned`: activations scheduling has planned out of all of them;
 * `mailed`: emails notifications has sent out of twice the activations (the activation mail of
 * both sides; kickoff invitations come on top, so the meter is mid-flow well before the end).
 */
export type Meter = 'planned' | 'mailed';

export type ChaosAction =
  | { kind: 'kill'; service: ServiceName; meter: Meter; at: number; downMs: number }
  | { kind: 'outage'; target: 'kafka' | 'mongo'; meter: Meter; at: number; downMs: number }
  | { kind: 'inject'; meter: Meter; at: number; count: number };

export interface ChaosPlanOptions {
  /** SIGKILLs per service (each at its own moment). */
  killsPerService: number;
  /** Invalid messages in all, produced in `injectBursts` bursts. */
  invalidMessages: number;
  injectBursts: number;
}

export const DEFAULT_PLAN: ChaosPlanOptions = {
  killsPerService: 2,
  invalidMessages: 100,
  injectBursts: 4,
};

/** Moments are drawn from the middle of the flow, where work is in flight on every service. */
const FIRST = 0.05;
const LAST = 0.85;

/**
 * The run's actions in the order they fire: each service SIGKILLed `killsPerService` times
 * (notifications on the mail meter, the others on the planning meter) and restarted after a
 * pause of 0-3 s; the broker and the database each stopped once for 3-10 s; the invalid
 * messages in bursts. Actions run one after another, each once its meter reaches `at`.
 */
export const chaosPlan = (
  seed: number,
  options: ChaosPlanOptions = DEFAULT_PLAN,
): ChaosAction[] => {
  const rng = new Prng(seed);
  const moment = () => FIRST + rng.next() * (LAST - FIRST);
  const actions: ChaosAction[] = [];
  for (const service of CHAOS_SERVICES)
    for (let k = 0; k < options.killsPerService; k++)
      actions.push({
        kind: 'kill',
        service,
        meter: service === 'notifications' ? 'mailed' : 'planned',
        at: moment(),
        downMs: rng.int(0, 3000),
      });
  for (const target of ['kafka', 'mongo'] as const)
    actions.push({
      kind: 'outage',
      target,
      meter: 'planned',
      at: moment(),
      downMs: rng.int(3000, 10_000),
    });
  const bursts = Math.max(1, Math.min(options.injectBursts, options.invalidMessages));
  for (let b = 0; b < bursts; b++) {
    const count =
      Math.floor(options.invalidMessages / bursts) + (b < options.invalidMessages % bursts ? 1 : 0);
    if (count > 0) actions.push({ kind: 'inject', meter: 'planned', at: moment(), count });
  }
  return actions.sort((a, b) => a.at - b.at);
};

export const describeAction = (action: ChaosAction): string => {
  const at = `${action.meter} ${(action.at * 100).toFixed(0)} %`;
  switch (action.kind) {
    case 'kill':
      return `kill -9 ${action.service}, restart after ${action.downMs} ms (at ${at})`;
    case 'outage':
      return `stop ${action.target} for ${action.downMs} ms (at ${at})`;
    case 'inject':
      return `inject ${action.count} invalid messages (at ${at})`;
  }
};

export type InvalidKind = 'not-json' | 'wrong-schema' | 'unknown-type' | 'missing-tenant';
export const INVALID_KINDS: readonly InvalidKind[] = [
  'not-json',
  'wrong-schema',
  'unknown-type',
  'missing-tenant',
];

/** Header naming an injected message, kept by the dead-letter copy. */
export const INVALID_ID_HEADER = 'chaos-invalid-id';

export interface InvalidMessage {
  id: string;
  kind: InvalidKind;
  topic: string;
  key: string;
  value: string;
}

/** Every topic with at least one consumer, and the services that consume it (the catalog's). */
export const consumersByTopic = (): Map<string, ServiceName[]> => {
  const byTopic = new Map<string, Set<ServiceName>>();
  for (const definition of Object.values(eventCatalog)) {
    const consumers = byTopic.get(definition.topic) ?? new Set<ServiceName>();
    definition.consumers.forEach((service) => consumers.add(service));
    byTopic.set(definition.topic, consumers);
  }
  return new Map(
    [...byTopic]
      .filter(([, consumers]) => consumers.size > 0)
      .map(([topic, consumers]) => [topic, [...consumers].sort()]),
  );
};

/**
 * `count` invalid messages, the four kinds in turn, on topics the services consume (drawn
 * from the seed): bytes that are not JSON; a well-formed envelope of a known type whose data
 * breaks its schema; an envelope of a type nobody defined; an envelope without a tenant.
 */
export const invalidMessages = (seed: number, run: string, count: number): InvalidMessage[] => {
  const rng = new Prng(seed ^ 0x5eed);
  const topics = [...consumersByTopic().keys()].sort();
  const typesOf = (topic: string) =>
    Object.entries(eventCatalog)
      .filter(([, definition]) => definition.topic === topic)
      .map(([type]) => type);
  return Array.from({ length: count }, (_, i) => {
    const id = `${run}-invalid-${i}`;
    const kind = INVALID_KINDS[i % INVALID_KINDS.length];
    const topic = topics[rng.int(0, topics.length - 1)];
    const types = typesOf(topic);
    const envelope = {
      specversion: '1.0',
      id,
      source: '/medmentor/chaos',
      type: types[rng.int(0, types.length - 1)],
      time: new Date(0).toISOString(),
      subject: id,
      datacontenttype: 'application/json',
      tenantid: `${run}-tenant`,
      correlationid: id,
      data: { chaos: true } as unknown,
    };
    const value = (() => {
      switch (kind) {
        case 'not-json':
          return `{not json ${id}`;
        case 'wrong-schema':
          return JSON.stringify({ ...envelope, data: { unexpected: rng.int(0, 1000) } });
        case 'unknown-type':
          return JSON.stringify({ ...envelope, type: 'medmentor.chaos.unknown-type' });
        case 'missing-tenant': {
          const { tenantid: _dropped, ...rest } = envelope;
          return JSON.stringify(rest);
        }
      }
    })();
    return { id, kind, topic, key: id, value };
  });
};
