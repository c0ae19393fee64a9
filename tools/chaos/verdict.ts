// Pure: from what the databases, the mailbox and the broker hold after the run, the counts and
// whether each promise held.
import type { ServiceName } from '@medmentor/contracts';
import type { InvalidMessage } from './chaos-plan';

export interface Observed {
  /** The match ids the run activated. */
  activated: readonly string[];
  scheduling: {
    matches: readonly {
      _id: string;
      menteeId: string;
      mentorId: string;
      /** `scheduled`, or `no-common-slot` when the pair had no common time (no kickoff). */
      kickoff?: string;
      seriesId?: string;
    }[];
    /** Every meeting stored (kickoffs and check-ins). */
    meetings: readonly { matchId: string; kind: string; menteeId: string; mentorId: string }[];
  };
  /** profiles' analytics read model: each match it holds, if it saw it activated, its meetings. */
  profilesAnalytics: readonly { matchId: string; activated: boolean; meetings: number }[];
  /** The physicians the run updated during the flow and the version matching holds for each. */
  matchingVersions: readonly { physicianId: string; expected: number; actual?: number }[];
  /** notifications' email deliveries of the run. */
  emailDeliveries: readonly { status: string }[];
  /**
   * How many repeated copies (same recipient and Message-ID) SIGKILLs of notifications may
   * cause: a mail the SMTP server accepted whose outcome was not written yet is sent again,
   * with the same Message-ID, once its lease expires. Each dispatch lane waits for the write
   * of its outcome before its next mail, so that is at most one mail per lane
   * (DISPATCH_CONCURRENCY) per kill. Anything above the bound, or any repeat without a kill,
   * fails.
   */
  repeatBound: number;
  /** Mails of the run's recipients the SMTP server received. */
  mails: readonly { to: readonly string[]; messageId?: string }[];
  /** Who a physician id's mail goes to. */
  emailOf: (physicianId: string) => string;
  invalid: readonly InvalidMessage[];
  /** The services whose groups subscribe to a topic, and the group each service consumes as. */
  consumersOf: (topic: string) => readonly ServiceName[];
  groupOf: (service: ServiceName) => string;
  deadLetters: readonly { invalidId: string; group: string; reason: string }[];
  /** Dead letters of the run's own valid events (a lost event): should be none. */
  strayDeadLetters: number;
  /** Lag per consumer group (sum over its partitions); undefined when it could not be read. */
  lag: Readonly<Record<string, number | undefined>>;
  /** The partitions behind, as `group topic[partition]: lag`, for the report. */
  lagging: readonly string[];
  /** HTTP status of each service's /health/ready (0: no answer). */
  ready: Readonly<Record<ServiceName, number>>;
}

export interface CheckRow {
  check: string;
  expected: string;
  actual: string;
  ok: boolean;
}

export interface Verdict {
  ok: boolean;
  rows: CheckRow[];
  /** What exactly is missing or extra, for a failed run (a few of each). */
  details: string[];
}

const row = (check: string, expected: number | string, actual: number | string): CheckRow => ({
  check,
  expected: String(expected),
  actual: String(actual),
  ok: String(expected) === String(actual),
});

const countBy = <T>(items: readonly T[], key: (item: T) => string): Map<string, number> => {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(key(item), (counts.get(key(item)) ?? 0) + 1);
  return counts;
};

/** How many of `ids` occur exactly once in `counts`, and how many more than once. */
const onceAndMore = (ids: readonly string[], counts: Map<string, number>) => ({
  once: ids.filter((id) => counts.get(id) === 1).length,
  more: ids.filter((id) => (counts.get(id) ?? 0) > 1).length,
});

/**
 * The emails the run should have produced, per recipient, from scheduling's records: both
 * sides of every match get its activation mail, and both sides of every stored meeting its
 * invitation.
 */
export const expectedMails = (o: Observed): Map<string, number> => {
  const expected = new Map<string, number>();
  const add = (physicianId: string) => {
    const email = o.emailOf(physicianId).toLowerCase();
    expected.set(email, (expected.get(email) ?? 0) + 1);
  };
  for (const match of o.scheduling.matches) {
    add(match.menteeId);
    add(match.mentorId);
  }
  for (const meeting of o.scheduling.meetings) {
    add(meeting.menteeId);
    add(meeting.mentorId);
  }
  return expected;
};

export const verdict = (o: Observed): Verdict => {
  const rows: CheckRow[] = [];
  const n = o.activated.length;

  // Scheduling: one planning outcome per match, one kickoff and one series.
  const stored = countBy(o.scheduling.matches, (m) => m._id);
  rows.push(row('scheduling: matches stored once', n, onceAndMore(o.activated, stored).once));
  const kickoffs = countBy(
    o.scheduling.meetings.filter((m) => m.kind === 'kickoff'),
    (m) => m.matchId,
  );
  const k = onceAndMore(o.activated, kickoffs);
  rows.push(row('scheduling: matches with exactly one kickoff', n, k.once));
  rows.push(row('scheduling: matches with more than one kickoff', 0, k.more));
  rows.push(
    row(
      'scheduling: matches with one series',
      n,
      o.scheduling.matches.filter((m) => m.kickoff === 'scheduled' && m.seriesId).length,
    ),
  );
  rows.push(
    row(
      'scheduling: no common slot (fixtures give every pair one)',
      0,
      o.scheduling.matches.filter((m) => m.kickoff === 'no-common-slot').length,
    ),
  );
  const analytics = countBy(
    o.profilesAnalytics.filter((a) => a.activated),
    (a) => a.matchId,
  );
  rows.push(
    row('profiles: analytics of activated matches', n, onceAndMore(o.activated, analytics).once),
  );
  rows.push(
    row(
      'profiles: analytics meetings (as scheduling stored)',
      o.scheduling.meetings.length,
      o.profilesAnalytics.reduce((sum, a) => sum + a.meetings, 0),
    ),
  );
  rows.push(
    row(
      'matching: profile updates applied (latest version)',
      o.matchingVersions.length,
      o.matchingVersions.filter((v) => v.actual === v.expected).length,
    ),
  );

  // Emails: what scheduling's records imply, what notifications recorded, what arrived.
  const expected = expectedMails(o);
  const expectedTotal = [...expected.values()].reduce((a, b) => a + b, 0);
  rows.push(
    row('notifications: email deliveries recorded', expectedTotal, o.emailDeliveries.length),
  );
  rows.push(
    row(
      'notifications: email deliveries sent',
      expectedTotal,
      o.emailDeliveries.filter((d) => d.status === 'sent').length,
    ),
  );
  const copies = countBy(
    o.mails.flatMap((mail) => mail.to.map((to) => `${to.toLowerCase()} ${mail.messageId ?? ''}`)),
    (key) => key,
  );
  const duplicates = [...copies.values()].reduce((sum, c) => sum + (c - 1), 0);
  const received = countBy([...copies.keys()], (key) => key.split(' ')[0]);
  rows.push(row('smtp: emails received (recipient + Message-ID)', expectedTotal, copies.size));
  rows.push({
    check: 'smtp: repeated copies (same Message-ID, after a notifications kill)',
    expected: `<= ${o.repeatBound}`,
    actual: String(duplicates),
    ok: duplicates <= o.repeatBound,
  });
  const recipients = new Set([...expected.keys(), ...received.keys()]);
  rows.push(
    row(
      'smtp: recipients with exactly the expected emails',
      recipients.size,
      [...recipients].filter((r) => received.get(r) === expected.get(r)).length,
    ),
  );

  // Dead letters: every injected message on its topic's .dlq, once per consuming group, with a reason.
  const letters = new Set(
    o.deadLetters.filter((d) => d.reason.trim() !== '').map((d) => `${d.invalidId} ${d.group}`),
  );
  const wanted = o.invalid.flatMap((m) =>
    o.consumersOf(m.topic).map((s) => `${m.id} ${o.groupOf(s)}`),
  );
  rows.push(row('invalid messages injected', o.invalid.length, o.invalid.length));
  rows.push(
    row(
      'invalid messages dead-lettered with a reason (by every consuming group)',
      o.invalid.length,
      o.invalid.filter(
        (m) =>
          o.consumersOf(m.topic).length > 0 &&
          o.consumersOf(m.topic).every((s) => letters.has(`${m.id} ${o.groupOf(s)}`)),
      ).length,
    ),
  );
  rows.push(
    row(
      'dead letters (message x consuming group) with a reason',
      wanted.length,
      wanted.filter((w) => letters.has(w)).length,
    ),
  );
  rows.push(row('dead letters of valid events of the run', 0, o.strayDeadLetters));
  const byId = new Map(o.invalid.map((m) => [m.id, m]));
  const missingLetters = wanted
    .filter((w) => !letters.has(w))
    .map((w) => {
      const [id, group] = w.split(' ');
      const m = byId.get(id);
      return `no dead letter of ${id} (${m?.kind} on ${m?.topic}) from ${group}`;
    });

  // No consumer stuck: lag 0 everywhere, every service ready.
  for (const [group, lag] of Object.entries(o.lag))
    rows.push(row(`kafka: lag of ${group}`, 0, lag ?? 'unknown'));
  for (const [service, status] of Object.entries(o.ready))
    rows.push(row(`${service}: /health/ready`, 200, status));

  const unplanned = o.activated
    .filter((id) => kickoffs.get(id) !== 1)
    .map((id) => `match ${id}: ${kickoffs.get(id) ?? 0} kickoffs`);
  const mailsOff = [...recipients]
    .filter((r) => received.get(r) !== expected.get(r))
    .map((r) => `${r}: ${received.get(r) ?? 0} emails, expected ${expected.get(r) ?? 0}`);
  const details = [
    ...unplanned.slice(0, 10),
    ...mailsOff.slice(0, 10),
    ...missingLetters.slice(0, 20),
    ...o.lagging.map((l) => `lag ${l}`),
  ];
  return { ok: rows.every((r) => r.ok), rows, details };
};

/** The rows as an aligned text table. */
export const formatVerdict = (v: Verdict): string => {
  const header = { check: 'check', expected: 'expected', actual: 'actual', ok: true };
  const all = [header, ...v.rows];
  const width = (key: 'check' | 'expected' | 'actual') =>
    Math.max(...all.map((r) => r[key].length));
  const line = (r: (typeof all)[number], mark: string) =>
    `${mark} ${r.check.padEnd(width('check'))}  ${r.expected.padStart(width('expected'))}  ${r.actual.padStart(width('actual'))}`;
  return [
    line(header, '  '),
    ...v.rows.map((r) => line(r, r.ok ? 'ok' : 'XX')),
    ...(v.ok ? [] : v.details.map((d) => `   ${d}`)),
    v.ok ? 'PASS: every check held' : `FAIL: ${v.rows.filter((r) => !r.ok).length} check(s) failed`,
  ].join('\n');
};
