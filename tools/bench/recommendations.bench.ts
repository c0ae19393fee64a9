/**
 * Recommendations: top-10 of 20,000 mentors per query (target p99 < 20 ms), against a naive
 * baseline in the same process that checks and fully explains every candidate, then sorts.
 * Run: npx tsx tools/bench/recommendations.bench.ts [--mentors N] [--queries N] [--naive N].
 * Not a test: it prints figures.
 */
import {
  compareIds,
  compileCandidatePool,
  isPairAllowed,
  recommendMentors,
  scorePair,
} from '@medmentor/matching-engine';
import type { PairScore, ScoringParticipant, ScoringProgram } from '@medmentor/matching-engine';
import type { MentorshipRole } from '@medmentor/domain';
import { loadavg } from 'node:os';
import { Prng } from './prng';
import { recommendationInstance } from './recommendation-instance';
import { heading, median, ms, row, timed } from './timing';

const args = process.argv.slice(2);
const option = (name: string, fallback: number) => {
  const i = args.indexOf(name);
  return i >= 0 ? Number(args[i + 1]) : fallback;
};
const MENTORS = option('--mentors', 20_000);
const QUERIES = option('--queries', 2_000);
const NAIVE = option('--naive', 40);
const WARM_UP = 200;
const K = 10;
const AT = new Date('2026-11-02T15:00:00Z');

const percentile = (sorted: readonly number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];

function latencies(label: string, xs: number[]): void {
  const s = [...xs].sort((a, b) => a - b);
  row(
    label,
    `p50 ${ms(percentile(s, 50))}, p95 ${ms(percentile(s, 95))}, p99 ${ms(percentile(s, 99))}, max ${ms(s[s.length - 1])}`,
  );
}

/** Check and explain every candidate, sort by score then id, keep k. */
function naive(
  mentors: readonly ScoringParticipant[],
  mentee: ScoringParticipant,
  role: MentorshipRole,
  program: ScoringProgram,
  excludeIds: ReadonlySet<string>,
): PairScore[] {
  const scored: PairScore[] = [];
  for (const mentor of mentors) {
    if (excludeIds.has(mentor.physician.id)) continue;
    const pair = { mentee, mentor, role };
    if (isPairAllowed(pair, program)) scored.push(scorePair(pair, program, { at: AT }));
  }
  scored.sort((a, b) => b.score - a.score || compareIds(a.mentor, b.mentor));
  return scored.slice(0, K);
}

const generated = timed(() => recommendationInstance(MENTORS, QUERIES, 20261122));
const { mentors, mentees, program } = generated.value;
heading(
  `Recommendations: top-${K} of ${MENTORS.toLocaleString('en-US')} mentors, ${QUERIES.toLocaleString('en-US')} queries`,
);
row('load average (1 min) at start', loadavg()[0].toFixed(1));
row('generate instance', ms(generated.ms));
/** Wall and CPU milliseconds of one call. */
function cpuTimed<T>(fn: () => T): { value: T; ms: number; cpu: number } {
  const c0 = process.cpuUsage();
  const t = timed(fn);
  const c = process.cpuUsage(c0);
  return { ...t, cpu: (c.user + c.system) / 1000 };
}

const compiled = cpuTimed(() => compileCandidatePool(mentors, program, { at: AT }));
const pool = compiled.value;
const again = [1, 2, 3].map(() =>
  cpuTimed(() => compileCandidatePool(mentors, program, { at: AT })),
);
row('compile pool, first: wall / CPU', `${ms(compiled.ms)} / ${ms(compiled.cpu)}`);
row(
  'compile pool, again (median of 3): wall / CPU',
  `${ms(median(again.map((a) => a.ms)))} / ${ms(median(again.map((a) => a.cpu)))}`,
);

const rng = new Prng(7);
const roles: MentorshipRole[] = ['clinical', 'career', 'wellness'];
const queries = mentees.map((mentee) => {
  const seeks = mentee.enrollment.roles;
  return {
    mentee,
    role: seeks[rng.int(0, seeks.length - 1)] ?? roles[0],
    excludeIds: new Set(
      Array.from({ length: 3 }, () => mentors[rng.int(0, mentors.length - 1)].physician.id),
    ),
  };
});

for (let i = 0; i < Math.min(WARM_UP, queries.length); i++) {
  const q = queries[i];
  recommendMentors(pool, q.mentee, { role: q.role, k: K, excludeIds: q.excludeIds });
}
const fast: number[] = [];
const results: PairScore[][] = [];
let returned = 0;
const cpuBefore = process.cpuUsage();
const wallBefore = performance.now();
const cpuEach: number[] = [];
for (const q of queries) {
  const t = cpuTimed(() =>
    recommendMentors(pool, q.mentee, { role: q.role, k: K, excludeIds: q.excludeIds }),
  );
  cpuEach.push(t.cpu);
  fast.push(t.ms);
  results.push(t.value);
  returned += t.value.length;
}
const cpu = process.cpuUsage(cpuBefore);
const wall = performance.now() - wallBefore;
latencies('wall time per query', fast);
latencies('CPU time per query', cpuEach);
row(
  'CPU time per query (mean), CPU / wall time',
  `${ms((cpu.user + cpu.system) / 1000 / queries.length)}, ${(((cpu.user + cpu.system) / 1000 / wall) * 100).toFixed(0)}%`,
);
row('mean recommendations returned per query', (returned / queries.length).toFixed(2));

const slow: number[] = [];
const slowCpu: number[] = [];
let identical = 0;
for (let i = 0; i < Math.min(NAIVE, queries.length); i++) {
  const q = queries[i];
  const t = cpuTimed(() => naive(mentors, q.mentee, q.role, program, q.excludeIds));
  slowCpu.push(t.cpu);
  slow.push(t.ms);
  if (JSON.stringify(t.value) === JSON.stringify(results[i])) identical++;
}
heading(`Naive baseline (${slow.length} queries): check + explain every candidate, then sort`);
latencies('wall time per query', slow);
latencies('CPU time per query', slowCpu);
row('naive / compiled, median wall time', `${(median(slow) / median(fast)).toFixed(0)}×`);
row('naive / compiled, median CPU time', `${(median(slowCpu) / median(cpuEach)).toFixed(0)}×`);
row('identical top-10 (with explanations)', `${identical} / ${slow.length}`);
row('load average (1 min) at end', loadavg()[0].toFixed(1));
