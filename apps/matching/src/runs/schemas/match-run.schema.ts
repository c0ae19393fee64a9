import { Prop, Schema, SchemaFactory } from '@nestjs/mongoose';
import type { MatchAlgorithm, RunPhase } from '@medmentor/contracts';
import type { NationalStats } from '@medmentor/matching-engine';
import { outboxPlugin } from '@medmentor/messaging';
import type { RunVerification } from '../execute-run';
import type { RunParameters } from '../run-input';

export const RUN_STATUSES = ['queued', 'running', 'completed', 'failed'] as const;
export type RunStatus = (typeof RUN_STATUSES)[number];

export interface RunTimings {
  queuedAt: Date;
  startedAt?: Date;
  completedAt?: Date;
  snapshotMs?: number;
  solveMs?: number;
  verifyMs?: number;
  storeMs?: number;
  totalMs?: number;
}

export interface RunSummary {
  matched: number;
  unmatched: number;
  total: number;
  seekers: number;
  providers: number;
  pairsAllowed: number;
  leftOut: number;
  stats?: NationalStats;
}

/**
 * One match run of a program: queued by an admin, executed by whichever replica claims it
 * (a lease that expires if that replica dies), and kept as an audit record: input hash,
 * algorithm and version, parameters, seed, verification, output hash and timings. Its matches
 * are in `run_matches`. Run events travel in its outbox.
 */
@Schema({ collection: 'match_runs', versionKey: false })
export class MatchRun {
  @Prop({ type: String, required: true }) _id!: string;
  @Prop({ required: true }) tenantId!: string;
  @Prop({ required: true }) programId!: string;
  @Prop({ type: String, required: true, enum: RUN_STATUSES }) status!: RunStatus;
  @Prop({ type: String, required: true }) algorithm!: MatchAlgorithm;
  @Prop({ required: true }) algorithmVersion!: string;
  @Prop({ type: Object, required: true }) parameters!: RunParameters;
  @Prop({ required: true }) seed!: number;
  @Prop({ required: true }) requestedBy!: string;
  @Prop({ required: true }) attempts!: number;
  @Prop() lockedBy?: string;
  @Prop() leaseUntil?: Date;
  @Prop({ type: Object }) progress?: { phase: RunPhase; percent: number };
  @Prop() programVersion?: number;
  @Prop() inputHash?: string;
  @Prop() outputHash?: string;
  @Prop({ type: Object }) verification?: RunVerification;
  @Prop({ type: Object }) summary?: RunSummary;
  @Prop({ type: [Object], default: undefined }) unmatched?: {
    menteeEnrollmentId: string;
    role: string;
  }[];
  @Prop({ type: [Object], default: undefined }) leftOut?: {
    enrollmentId: string;
    reason: string;
  }[];
  /** An earlier completed run with the same input and parameters, and the same output. */
  @Prop() reproducesRunId?: string;
  /** Set instead when an earlier run with the same input gave a different output. */
  @Prop() differsFromRunId?: string;
  @Prop() failure?: string;
  @Prop({ type: Object, required: true }) timings!: RunTimings;
  @Prop() publishedAt?: Date;
  @Prop() publishedBy?: string;
  @Prop({ required: true }) createdAt!: Date;
}

export const MatchRunSchema = SchemaFactory.createForClass(MatchRun);
// Serves a program's runs, newest first, paged by (createdAt, _id).
MatchRunSchema.index({ tenantId: 1, programId: 1, createdAt: -1, _id: -1 });
// Serves the workers' search for queued runs and runs whose lease expired.
MatchRunSchema.index({ status: 1, leaseUntil: 1 });
// Serves finding an earlier run on the same input (reproduction check).
MatchRunSchema.index({ tenantId: 1, programId: 1, inputHash: 1 });
MatchRunSchema.plugin(outboxPlugin);
