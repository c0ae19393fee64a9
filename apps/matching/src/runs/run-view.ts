import type { RunMatchView, RunView } from './dto/run.dto';
import type { MatchRun } from './schemas/match-run.schema';
import type { RunMatchRecord } from './schemas/run-match.schema';

const iso = (value: unknown): unknown => (value instanceof Date ? value.toISOString() : value);

export const runView = (run: MatchRun): RunView => {
  const { _id, lockedBy: _lockedBy, leaseUntil: _leaseUntil, publishedBy: _by, ...rest } = run;
  return {
    ...rest,
    runId: _id,
    parameters: { ...run.parameters },
    timings: Object.fromEntries(Object.entries(run.timings).map(([k, v]) => [k, iso(v)])),
    summary: run.summary === undefined ? undefined : { ...run.summary },
    publishedAt: run.publishedAt?.toISOString(),
    createdAt: run.createdAt.toISOString(),
  } as RunView;
};

export const runMatchView = (record: RunMatchRecord): RunMatchView => ({
  menteeEnrollmentId: record.menteeEnrollmentId,
  mentorEnrollmentId: record.mentorEnrollmentId,
  menteeId: record.menteeId,
  mentorId: record.mentorId,
  role: record.role,
  score: record.score,
  ...(record.factors !== undefined && {
    factors: record.factors.map((f) => ({ ...f, detail: { ...f.detail } })),
  }),
  ...(record.menteeRank !== undefined && { menteeRank: record.menteeRank }),
  ...(record.mentorRank !== undefined && { mentorRank: record.mentorRank }),
  ...(record.anonymised === true && { anonymised: true }),
});
