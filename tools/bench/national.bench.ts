/**
 * National stable matching at NRMP size: parse + solve + verify (target <= 1 s), and the same
 * instance solved by the Python `matching` library. Run: npx tsx tools/bench/national.bench.ts
 * [--runs N] [--no-peer]. Not a test: it prints figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  compileNationalInstance,
  deferredAcceptance,
  matchNational,
  nationalStats,
  verifyStable,
} from '@medmentor/matching-engine';
import type {
  CompiledNationalInstance,
  NationalInstance,
  NationalMatching,
} from '@medmentor/matching-engine';
import { parseNational } from '../match/instance-parsing';
import { generateNationalInstance, NRMP_SHAPE } from './national-instance';
import { BENCH_CACHE, pythonWith, runPeer } from './python-peer';
import { heading, median, ms, row, timed } from './timing';

interface HrReport {
  readonly build: number;
  readonly solve: number;
  readonly pairs: [string, string][];
}

const args = process.argv.slice(2);
const runs = Number(args[args.indexOf('--runs') + 1]) || 5;
const withPeer = !args.includes('--no-peer');

heading(
  `national stable matching: ${NRMP_SHAPE.applicants} applicants, ${NRMP_SHAPE.programs} programs, ` +
    `${NRMP_SHAPE.places} places, lists of ~${NRMP_SHAPE.listLength} (seed ${NRMP_SHAPE.seed})`,
);
const generated = timed(() => generateNationalInstance(NRMP_SHAPE));
const text = JSON.stringify(generated.value);
row(
  'generate (not timed below)',
  `${ms(generated.ms)}, ${(text.length / 1e6).toFixed(1)} MB of JSON`,
);

const stages = {
  parse: [] as number[],
  compile: [] as number[],
  solve: [] as number[],
  verify: [] as number[],
};
const totals: number[] = [];
let inst!: CompiledNationalInstance;
let programOf!: NationalMatching;
for (let r = 0; r < runs; r++) {
  const parsed = timed(() => parseNational(JSON.parse(text)).instance);
  const compiled = timed(() => compileNationalInstance(parsed.value));
  const solved = timed(() => deferredAcceptance(compiled.value, 'applicants'));
  const verified = timed(() => verifyStable(compiled.value, solved.value));
  if (!verified.value.stable) throw new Error(`unstable result: ${verified.value.reason}`);
  stages.parse.push(parsed.ms);
  stages.compile.push(compiled.ms);
  stages.solve.push(solved.ms);
  stages.verify.push(verified.ms);
  totals.push(parsed.ms + compiled.ms + solved.ms + verified.ms);
  inst = compiled.value;
  programOf = solved.value;
}
heading(`ours, median of ${runs} runs (best total ${ms(Math.min(...totals))})`);
row('JSON.parse + validate (as tools/match does)', ms(median(stages.parse)));
row('compile (ids -> typed arrays, rank tables)', ms(median(stages.compile)));
row('deferred acceptance, applicants propose', ms(median(stages.solve)));
row('verify stability', ms(median(stages.verify)));
row('parse + solve + verify', `${ms(median(totals))}  (target <= 1000 ms)`);
const programsPropose = median(
  Array.from({ length: runs }, () => timed(() => deferredAcceptance(inst, 'programs')).ms),
);
row('deferred acceptance, programs propose', ms(programsPropose));

const stats = nationalStats(inst, programOf);
heading('result');
row('matched', `${stats.matched} of ${stats.applicants} applicants`);
row(
  'unmatched applicants',
  `${stats.unmatchedApplicants} (${stats.unmatchedWithoutMutualRank} with no mutual rank)`,
);
row('unfilled places', `${stats.unfilledPlaces} in ${stats.programsNotFilled} programs`);
const firstThree = stats.applicantRankDistribution.slice(0, 3).reduce((a, b) => a + b, 0);
row(
  'applicants with one of their top 3',
  `${((100 * firstThree) / stats.matched).toFixed(1)}% of matched`,
);

const once = JSON.stringify(matchNational(generated.value));
const reversed: NationalInstance = {
  applicants: [...generated.value.applicants].reverse(),
  programs: [...generated.value.programs].reverse(),
};
const deterministic =
  once === JSON.stringify(matchNational(generated.value)) &&
  once === JSON.stringify(matchNational(reversed));
row('same bytes twice and with arrays reversed', deterministic ? 'yes' : 'NO');

if (withPeer) comparePython(generated.value, inst, programOf, median(stages.solve), median(totals));

function comparePython(
  input: NationalInstance,
  compiled: CompiledNationalInstance,
  ours: NationalMatching,
  oursSolveMs: number,
  oursTotalMs: number,
): void {
  heading('peer: Python `matching` (HospitalResident, resident-optimal)');
  const peer = pythonWith(['matching']);
  if (!peer.ok) {
    row('skipped', peer.reason);
    return;
  }
  // The library wants each program to rank exactly the applicants who rank it: keep only
  // mutually ranked pairs, in the same order (stable matchings are unchanged by this).
  const mutual = (owner: string, ranks: readonly string[], other: Map<string, Set<string>>) =>
    ranks.filter((id) => other.get(id)?.has(owner));
  const rankedByApplicant = new Map(input.applicants.map((a) => [a.id, new Set(a.ranks)]));
  const rankedByProgram = new Map(input.programs.map((p) => [p.id, new Set(p.ranks)]));
  const reduced = {
    applicants: input.applicants
      .map((a) => ({ id: a.id, ranks: mutual(a.id, a.ranks, rankedByProgram) }))
      .filter((a) => a.ranks.length > 0),
    programs: input.programs
      .filter((p) => p.capacity > 0)
      .map((p) => ({
        id: p.id,
        capacity: p.capacity,
        ranks: mutual(p.id, p.ranks, rankedByApplicant),
      })),
  };
  const file = join(BENCH_CACHE, 'national-reduced.json');
  writeFileSync(file, JSON.stringify(reduced));
  const report = runPeer<HrReport>(peer.python, 'hr_matching.py', [file, 'resident'], 60 * 60_000);
  const theirs = new Map(report.pairs.map(([a, p]) => [a, p]));
  let same = theirs.size === ours.filter((p) => p >= 0).length;
  ours.forEach((p, a) => {
    if (p >= 0 && theirs.get(compiled.applicantIds[a]) !== compiled.programIds[p]) same = false;
  });
  row('build players', `${(report.build * 1000).toFixed(0)} ms`);
  row('solve', `${(report.solve * 1000).toFixed(0)} ms`);
  row('ratio: their solve / our solve', `${((report.solve * 1000) / oursSolveMs).toFixed(0)}x`);
  row(
    'ratio: their solve / our parse+solve+verify',
    `${((report.solve * 1000) / oursTotalMs).toFixed(1)}x`,
  );
  row('identical matching', same ? `yes (${theirs.size} pairs)` : 'NO');
}
