import { Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { TenantScoped } from '@medmentor/auth';
import { Enrollment } from '../enrollments/schemas/enrollment.schema';
import {
  applyMatchFact,
  emptyMatchRecord,
  sameMatchRecord,
  type MatchFact,
  type MatchIdentity,
  type MatchRecord,
} from './match-record';
import type { EnrollmentFacts } from './program-figures';
import { MatchAnalytics } from './schemas/match-analytics.schema';

export type FoldOutcome = 'applied' | 'unchanged';

/** Attempts of the read-fold-write before giving up (the consumer then retries the event). */
const MAX_ATTEMPTS = 20;

const isDuplicateKey = (error: unknown): boolean =>
  typeof error === 'object' && error !== null && (error as { code?: unknown }).code === 11000;

const recordOf = (document: MatchAnalytics): MatchRecord => {
  const { _id, tenantId, revision, updatedAt, ...record } = document;
  void _id;
  void tenantId;
  void revision;
  void updatedAt;
  return record;
};

/** The analytics read model: one document per match, and the program's enrollments (read only). */
@Injectable()
export class MatchAnalyticsRepository {
  constructor(
    @InjectModel(MatchAnalytics.name) private readonly model: Model<MatchAnalytics>,
    @InjectModel(Enrollment.name) private readonly enrollments: Model<Enrollment>,
  ) {}

  /**
   * Folds one fact into the match's document: read, fold, then write only if the document is
   * still at the revision read (or insert it if it was absent); on a lost race, again. A fact
   * already held changes nothing and writes nothing.
   */
  async fold(identity: TenantScoped<MatchIdentity>, fact: MatchFact): Promise<FoldOutcome> {
    const { tenantId, ...match } = identity;
    const _id = `${tenantId}:${match.matchId}`;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const held = await this.model.findOne({ _id, tenantId }).lean<MatchAnalytics>().exec();
      const current = held === null ? emptyMatchRecord(match) : recordOf(held);
      const next = applyMatchFact(
        { ...current, ...(current.menteeEnrollmentId === undefined && match) },
        fact,
      );
      if (held !== null && sameMatchRecord(current, next)) return 'unchanged';
      if (held === null) {
        try {
          await this.model.create({ _id, tenantId, ...next, revision: 1, updatedAt: new Date() });
          return 'applied';
        } catch (error) {
          if (isDuplicateKey(error)) continue;
          throw error;
        }
      }
      const written = await this.model
        .updateOne(
          { _id, tenantId, revision: held.revision },
          { $set: { ...next, revision: held.revision + 1, updatedAt: new Date() } },
        )
        .exec();
      if (written.matchedCount === 1) return 'applied';
    }
    throw new Error(`match ${match.matchId}: ${MAX_ATTEMPTS} concurrent writes in a row`);
  }

  async matchesOfProgram(filter: TenantScoped<{ programId: string }>): Promise<MatchRecord[]> {
    const documents = await this.model
      .find({ tenantId: filter.tenantId, programId: filter.programId })
      .lean<MatchAnalytics[]>()
      .exec();
    return documents.map(recordOf);
  }

  async enrollmentsOfProgram(
    filter: TenantScoped<{ programId: string }>,
  ): Promise<EnrollmentFacts[]> {
    const documents = await this.enrollments
      .find({ tenantId: filter.tenantId, programId: filter.programId })
      .select({ _id: 0, side: 1, roles: 1, createdAt: 1, withdrawnAt: 1 })
      .lean<EnrollmentFacts[]>()
      .exec();
    return documents.map((document) => ({
      side: document.side,
      roles: document.roles,
      createdAt: document.createdAt,
      ...(document.withdrawnAt !== undefined &&
        document.withdrawnAt !== null && { withdrawnAt: document.withdrawnAt }),
    }));
  }
}
