import { Topics } from '@medmentor/contracts';
import {
  chaosPlan,
  CHAOS_SERVICES,
  consumersByTopic,
  DEFAULT_PLAN,
  INVALID_KINDS,
  invalidMessages,
} from './chaos-plan';
import { expectedMails, formatVerdict, verdict, type Observed } from './verdict';

describe('chaosPlan', () => {
  it('is the same for the same seed and differs for another', () => {
    expect(chaosPlan(42)).toEqual(chaosPlan(42));
    expect(chaosPlan(42)).not.toEqual(chaosPlan(43));
  });

  it('kills every service, stops the broker and the database once, injects every message', () => {
    for (const seed of [1, 2, 3, 20261207]) {
      const plan = chaosPlan(seed);
      for (const service of CHAOS_SERVICES)
        expect(plan.filter((a) => a.kind === 'kill' && a.service === service)).toHaveLength(
          DEFAULT_PLAN.killsPerService,
        );
      expect(
        plan
          .filter((a) => a.kind === 'outage')
          .map((a) => a.kind === 'outage' && a.target)
          .sort(),
      ).toEqual(['kafka', 'mongo']);
      expect(plan.reduce((n, a) => n + (a.kind === 'inject' ? a.count : 0), 0)).toBe(100);
    }
  });

  it('fires mid-flow, in order, notifications on the mail meter', () => {
    const plan = chaosPlan(9, { killsPerService: 3, invalidMessages: 10, injectBursts: 3 });
    expect(plan.map((a) => a.at)).toEqual([...plan.map((a) => a.at)].sort((a, b) => a - b));
    for (const action of plan) {
      expect(action.at).toBeGreaterThanOrEqual(0.05);
      expect(action.at).toBeLessThanOrEqual(0.85);
      if (action.kind === 'kill')
        expect(action.meter).toBe(action.service === 'notifications' ? 'mailed' : 'planned');
    }
    expect(
      plan.filter((a) => a.kind === 'inject').map((a) => a.kind === 'inject' && a.count),
    ).toEqual([4, 3, 3]);
  });
});

describe('invalidMessages', () => {
  const messages = invalidMessages(5, 'run', 100);

  it('mixes the four kinds evenly on consumed topics, each with its own id', () => {
    for (const kind of INVALID_KINDS)
      expect(messages.filter((m) => m.kind === kind)).toHaveLength(25);
    expect(new Set(messages.map((m) => m.id)).size).toBe(100);
    for (const m of messages) expect(consumersByTopic().get(m.topic)?.length).toBeGreaterThan(0);
  });

  it('is invalid in the way its kind says', () => {
    for (const m of messages) {
      if (m.kind === 'not-json') {
        expect(() => JSON.parse(m.value) as unknown).toThrow();
        continue;
      }
      const envelope = JSON.parse(m.value) as Record<string, unknown>;
      if (m.kind === 'missing-tenant') expect(envelope['tenantid']).toBeUndefined();
      if (m.kind === 'unknown-type') expect(envelope['type']).toBe('medmentor.chaos.unknown-type');
      if (m.kind === 'wrong-schema') expect(envelope['data']).toHaveProperty('unexpected');
    }
  });

  it('knows who consumes the match topic', () => {
    expect(consumersByTopic().get(Topics.MatchingMatch)).toEqual([
      'notifications',
      'profiles',
      'scheduling',
    ]);
  });
});

const healthy = (): Observed => {
  const invalid = invalidMessages(1, 'r', 2);
  const consumersOf = (topic: string) => consumersByTopic().get(topic) ?? [];
  return {
    activated: ['m1', 'm2'],
    scheduling: {
      matches: [
        { _id: 'm1', menteeId: 'a', mentorId: 'x', kickoff: 'scheduled', seriesId: 'm1:series' },
        { _id: 'm2', menteeId: 'b', mentorId: 'x', kickoff: 'scheduled', seriesId: 'm2:series' },
      ],
      meetings: [
        { matchId: 'm1', kind: 'kickoff', menteeId: 'a', mentorId: 'x' },
        { matchId: 'm2', kind: 'kickoff', menteeId: 'b', mentorId: 'x' },
      ],
    },
    profilesAnalytics: [
      { matchId: 'm1', activated: true, meetings: 1 },
      { matchId: 'm2', activated: true, meetings: 1 },
    ],
    matchingVersions: [{ physicianId: 'x', expected: 2, actual: 2 }],
    repeatBound: 0,
    emailDeliveries: Array.from({ length: 8 }, () => ({ status: 'sent' })),
    mails: [
      ...['a', 'a', 'b', 'b', 'x', 'x', 'x', 'x'].map((p, i) => ({
        to: [`${p}@example.org`],
        messageId: `<${i}@n>`,
      })),
    ],
    emailOf: (id) => `${id}@example.org`,
    invalid,
    consumersOf,
    groupOf: (service) => `g-${service}`,
    deadLetters: invalid.flatMap((m) =>
      consumersOf(m.topic).map((s) => ({ invalidId: m.id, group: `g-${s}`, reason: 'bad' })),
    ),
    strayDeadLetters: 0,
    lag: { 'g-profiles': 0 },
    lagging: [],
    ready: { profiles: 200, matching: 200, scheduling: 200, notifications: 200 },
  };
};

describe('verdict', () => {
  it('passes when every promise held', () => {
    const v = verdict(healthy());
    expect(v.rows.filter((r) => !r.ok)).toEqual([]);
    expect(v.ok).toBe(true);
    expect(formatVerdict(v)).toContain('PASS');
  });

  it('expects, per recipient, the activation and every meeting', () => {
    expect(Object.fromEntries(expectedMails(healthy()))).toEqual({
      'a@example.org': 2,
      'b@example.org': 2,
      'x@example.org': 4,
    });
  });

  const failing = (change: (o: Observed) => Observed) =>
    verdict(change(healthy()))
      .rows.filter((r) => !r.ok)
      .map((r) => r.check);

  it('fails on a second kickoff, a lost one, or a missing series', () => {
    expect(
      failing((o) => ({
        ...o,
        scheduling: {
          ...o.scheduling,
          meetings: [...o.scheduling.meetings, o.scheduling.meetings[0]],
        },
      })),
    ).toEqual(expect.arrayContaining(['scheduling: matches with more than one kickoff']));
    expect(
      failing((o) => ({
        ...o,
        scheduling: {
          matches: [o.scheduling.matches[0], { ...o.scheduling.matches[1], seriesId: undefined }],
          meetings: o.scheduling.meetings.slice(0, 1),
        },
      })),
    ).toEqual(
      expect.arrayContaining([
        'scheduling: matches with exactly one kickoff',
        'scheduling: matches with one series',
      ]),
    );
  });

  it('fails on an email received never, or twice beyond what kills explain', () => {
    expect(failing((o) => ({ ...o, mails: [...o.mails, o.mails[0]] }))).toEqual([
      'smtp: repeated copies (same Message-ID, after a notifications kill)',
    ]);
    expect(failing((o) => ({ ...o, repeatBound: 1, mails: [...o.mails, o.mails[0]] }))).toEqual([]);
    const another = { to: ['a@example.org'], messageId: '<new@n>' };
    expect(failing((o) => ({ ...o, mails: [...o.mails, another] }))).toEqual([
      'smtp: emails received (recipient + Message-ID)',
      'smtp: recipients with exactly the expected emails',
    ]);
    expect(failing((o) => ({ ...o, mails: o.mails.slice(1) }))).toEqual([
      'smtp: emails received (recipient + Message-ID)',
      'smtp: recipients with exactly the expected emails',
    ]);
  });

  it('fails on a dead letter missing for one consuming group, or without a reason', () => {
    expect(failing((o) => ({ ...o, deadLetters: o.deadLetters.slice(1) }))).toEqual([
      'invalid messages dead-lettered with a reason (by every consuming group)',
      'dead letters (message x consuming group) with a reason',
    ]);
    expect(
      failing((o) => ({
        ...o,
        deadLetters: o.deadLetters.map((d, i) => (i === 0 ? { ...d, reason: '' } : d)),
      })),
    ).toHaveLength(2);
  });

  it('names what is missing when it fails', () => {
    const o = healthy();
    const v = verdict({
      ...o,
      deadLetters: o.deadLetters.slice(1),
      lagging: ['g-scheduling t[0]: 3'],
    });
    expect(v.details).toEqual([
      expect.stringMatching(/^no dead letter of r-invalid-0 \(not-json on .*\) from g-/),
      'lag g-scheduling t[0]: 3',
    ]);
    expect(formatVerdict(v)).toContain('no dead letter of r-invalid-0');
  });

  it('fails on lag, an unready service or a lost valid event', () => {
    expect(
      failing((o) => ({
        ...o,
        lag: { 'g-profiles': 3 },
        ready: { ...o.ready, matching: 503 },
        strayDeadLetters: 1,
      })),
    ).toEqual([
      'dead letters of valid events of the run',
      'kafka: lag of g-profiles',
      'matching: /health/ready',
    ]);
  });
});
