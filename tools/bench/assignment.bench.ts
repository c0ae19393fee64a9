/**
 * Cohort assignment: 5,000 x 1,500 dense against scipy's linear_sum_assignment on the
 * capacity-expanded matrix, and 50,000 x 12,000 on top-50 candidates (target < 30 s) against
 * OR-Tools min-cost flow. Run: npx tsx tools/bench/assignment.bench.ts [--no-peer] [--skip-dense] [--skip-large].
 * Not a test: it prints figures.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import {
  assignmentResult,
  checkAssignmentCertificate,
  compileAssignmentColumns,
  solveCompiledAssignment,
} from '@medmentor/matching-engine';
import type { AssignmentColumns, CompiledAssignment } from '@medmentor/matching-engine';
import { candidateInstance, denseInstance } from './assignment-instance';
import type { CandidateShape } from './assignment-instance';
import { BENCH_CACHE, pythonWith, runPeer } from './python-peer';
import type { Peer } from './python-peer';
import { heading, ms, row, timed } from './timing';

interface LsaReport {
  readonly seconds: number;
  readonly total: number;
  readonly matched: number;
  readonly mentorOf: number[];
}

interface McfReport {
  readonly seconds: number;
  readonly total: number;
  readonly matched: number;
}

const args = process.argv.slice(2);
const withPeer = !args.includes('--no-peer');

function solveOurs(columns: AssignmentColumns, maximizeMatches: boolean) {
  const compiled = timed(() => compileAssignmentColumns(columns, { maximizeMatches }));
  const solved = timed(() => solveCompiledAssignment(compiled.value));
  const certified = timed(() => checkAssignmentCertificate(compiled.value, solved.value));
  if (!certified.value.ok) throw new Error(`certificate failed: ${certified.value.reason}`);
  const result = assignmentResult(compiled.value, solved.value.arcOf);
  return { compiled, solved, certified, result };
}

function report(label: string, run: ReturnType<typeof solveOurs>): void {
  heading(label);
  row('compile (canonical order, CSR, exact scores)', ms(run.compiled.ms));
  row(`solve (orientation: ${run.solved.value.orientation})`, ms(run.solved.ms));
  row('check optimality certificate', ms(run.certified.ms));
  row('matched / total score', `${run.result.matches.length} / ${run.result.total}`);
}

const peer: Peer = withPeer
  ? pythonWith(['numpy', 'scipy', 'ortools'])
  : { ok: false, reason: '--no-peer' };

// Dense: 5,000 x 1,500, every pair allowed.
if (!args.includes('--skip-dense')) runDense();

function runDense(): void {
  const N = 5000;
  const M = 1500;
  heading(
    `dense: ${N} mentees x ${M} mentors, capacities 1-5, integer scores 0-1000, every pair allowed`,
  );
  const dense = timed(() => denseInstance(N, M, 42));
  const places = Array.from(dense.value.capacity).reduce((a, b) => a + b, 0);
  row('generate (not timed below)', `${ms(dense.ms)}; ${places} places, ${N * M} pairs`);
  const denseMax = solveOurs(dense.value, true);
  report('ours, maximizeMatches (the objective scipy solves)', denseMax);
  const densePlain = solveOurs(dense.value, false);
  report('ours, maximum total score', densePlain);
  if (peer.ok) {
    heading('peer: scipy.optimize.linear_sum_assignment on the expanded matrix');
    const scores = Int32Array.from(dense.value.pairScore);
    writeFileSync(join(BENCH_CACHE, 'dense-scores.i32'), scores);
    writeFileSync(join(BENCH_CACHE, 'dense-capacity.i32'), Int32Array.from(dense.value.capacity));
    const lsa = runPeer<LsaReport>(
      peer.python,
      'lsa.py',
      [
        join(BENCH_CACHE, 'dense-scores.i32'),
        join(BENCH_CACHE, 'dense-capacity.i32'),
        String(N),
        String(M),
      ],
      60 * 60_000,
    );
    row('solve', `${(lsa.seconds * 1000).toFixed(0)} ms (${N} x ${places} matrix)`);
    row('matched / total score', `${lsa.matched} / ${lsa.total}`);
    row(
      'identical optimum',
      lsa.total === denseMax.result.total && lsa.matched === denseMax.result.matches.length
        ? 'yes'
        : 'NO',
    );
    row(
      'identical assignment',
      sameAssignment(denseMax.compiled.value, denseMax.solved.value.arcOf, lsa.mentorOf)
        ? 'yes'
        : 'no (ties broken differently)',
    );
    row(
      'ratio: scipy solve / our solve',
      `${((lsa.seconds * 1000) / denseMax.solved.ms).toFixed(2)}x`,
    );
    row(
      'ratio: scipy solve / our compile+solve+certificate',
      `${((lsa.seconds * 1000) / (denseMax.compiled.ms + denseMax.solved.ms + denseMax.certified.ms)).toFixed(2)}x`,
    );
  } else {
    row('scipy peer skipped', peer.reason);
  }
}

if (!args.includes('--skip-large')) {
  // Capacities 1-5 give fewer places than mentees (mentor places are inserted); 1-9 give more
  // (mentees are inserted): one run for each orientation.
  for (const maxCapacity of [5, 9]) {
    runLarge({ mentees: 50_000, mentors: 12_000, scored: 200, topK: 50, maxCapacity, seed: 7 });
  }
}

function runLarge(shape: CandidateShape): void {
  heading(
    `large: ${shape.mentees} mentees x ${shape.mentors} mentors, each scored against ${shape.scored} ` +
      `mentors and pruned to its top ${shape.topK}, capacities 1-${shape.maxCapacity}`,
  );
  const large = timed(() => candidateInstance(shape));
  const largePlaces = Array.from(large.value.columns.capacity).reduce((a, b) => a + b, 0);
  row('generate (not timed below)', `${ms(large.ms - large.value.pruneMs)}; ${largePlaces} places`);
  row('prune to top-k (topKIndices)', ms(large.value.pruneMs));
  for (const maximizeMatches of [false, true]) {
    const run = solveOurs(large.value.columns, maximizeMatches);
    report(`ours, ${maximizeMatches ? 'maximizeMatches' : 'maximum total score'}`, run);
    const end = run.compiled.ms + run.solved.ms + run.certified.ms;
    row(
      'prune + compile + solve + certificate',
      `${ms(large.value.pruneMs + end)}  (target < 30000 ms)`,
    );
    if (peer.ok) {
      const c = large.value.columns;
      const triples = new Int32Array(c.pairScore.length * 3);
      for (let k = 0; k < c.pairScore.length; k++) {
        triples[3 * k] = c.pairMentee[k];
        triples[3 * k + 1] = c.pairMentor[k];
        triples[3 * k + 2] = c.pairScore[k];
      }
      writeFileSync(join(BENCH_CACHE, 'large-pairs.i32'), triples);
      writeFileSync(join(BENCH_CACHE, 'large-capacity.i32'), Int32Array.from(c.capacity));
      const mcf = runPeer<McfReport>(
        peer.python,
        'ortools_mcf.py',
        [
          join(BENCH_CACHE, 'large-pairs.i32'),
          join(BENCH_CACHE, 'large-capacity.i32'),
          String(shape.mentees),
          String(shape.mentors),
          ...(maximizeMatches ? ['max-matches'] : []),
        ],
        60 * 60_000,
      );
      row('peer: OR-Tools min-cost flow solve', ms(mcf.seconds * 1000));
      row('peer: matched / total score', `${mcf.matched} / ${mcf.total}`);
      row(
        'identical optimum',
        mcf.total === run.result.total &&
          (!maximizeMatches || mcf.matched === run.result.matches.length)
          ? 'yes'
          : 'NO',
      );
      row(
        'ratio: OR-Tools solve / our solve',
        `${((mcf.seconds * 1000) / run.solved.ms).toFixed(2)}x`,
      );
    }
  }
}

function sameAssignment(c: CompiledAssignment, arcOf: Int32Array, mentorOf: number[]): boolean {
  // Compiled mentees are in id order; generated ids are zero-padded, so that is generation order.
  return c.menteeIds.every((_, i) => (arcOf[i] < 0 ? -1 : c.arcMentor[arcOf[i]]) === mentorOf[i]);
}
