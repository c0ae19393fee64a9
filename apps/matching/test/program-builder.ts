import type { EnrollmentSnapshot, PhysicianSnapshot, ProgramConfig } from '@medmentor/contracts';
import { enrollment, physician, program } from './fixtures';
import type { MatchingTestApp, EventFeed } from './matching-test-app';

export interface Participant {
  physician: PhysicianSnapshot;
  enrollment: EnrollmentSnapshot;
}

/** Builds a program in matching's read model by producing profiles' events, and waits for them. */
export class ProgramBuilder {
  private readonly sent: string[] = [];

  constructor(
    private readonly app: MatchingTestApp,
    private readonly feed: EventFeed,
    readonly tenantId: string,
    readonly config: ProgramConfig,
  ) {}

  static async publish(
    app: MatchingTestApp,
    feed: EventFeed,
    tenantId: string,
    overrides: Partial<ProgramConfig> = {},
  ): Promise<ProgramBuilder> {
    const builder = new ProgramBuilder(app, feed, tenantId, program(tenantId, overrides));
    builder.sent.push(
      (await feed.send('medmentor.profiles.program.published', builder.config, tenantId)).id,
    );
    return builder;
  }

  get programId(): string {
    return this.config.programId;
  }

  async enrol(
    side: 'mentee' | 'mentor',
    profile: Partial<PhysicianSnapshot> = {},
    enrolled: Partial<EnrollmentSnapshot> = {},
  ): Promise<Participant> {
    const doc = physician(this.tenantId, {
      ...(side === 'mentor' && { careerStage: { stage: 'mid-career' } }),
      ...profile,
    });
    const en = enrollment(
      { tenantId: this.tenantId, programId: this.programId, physicianId: doc.physicianId },
      {
        side,
        roles: this.config.rolesOffered.map((offer) => offer.role),
        ...(side === 'mentor' && { capacity: 1, topics: ['contract-negotiation'] }),
        ...enrolled,
      },
    );
    this.sent.push(
      (await this.feed.send('medmentor.profiles.physician.registered', doc, this.tenantId)).id,
    );
    this.sent.push(
      (await this.feed.send('medmentor.profiles.enrollment.submitted', en, this.tenantId)).id,
    );
    return { physician: doc, enrollment: en };
  }

  /**
   * Two mentees and three mentors, applied: a (pediatrics) fits x, b (internal medicine) fits y,
   * and z (family medicine, no shared interest or topic) is everyone's last choice.
   */
  async enrolTwoMenteesThreeMentors(): Promise<Record<'a' | 'b' | 'x' | 'y' | 'z', Participant>> {
    const a = await this.enrol('mentee', { specialty: 'pediatrics' });
    const b = await this.enrol('mentee', { specialty: 'internal-medicine' });
    const x = await this.enrol('mentor', { specialty: 'pediatrics' });
    const y = await this.enrol('mentor', { specialty: 'internal-medicine' });
    const z = await this.enrol(
      'mentor',
      { specialty: 'family-medicine', interests: [] },
      { topics: [] },
    );
    await this.settled();
    return { a, b, x, y, z };
  }

  async freeze(of: Participant, ranks: Participant[]): Promise<void> {
    const data = {
      enrollmentId: of.enrollment.enrollmentId,
      tenantId: this.tenantId,
      programId: this.programId,
      physicianId: of.physician.physicianId,
      side: of.enrollment.side as 'mentee' | 'mentor',
      ranks: ranks.map((r) => r.enrollment.enrollmentId),
      submittedAt: '2026-09-20T00:00:00.000Z',
      version: 1,
      frozenAt: '2026-10-01T00:00:00.000Z',
    };
    this.sent.push(
      (await this.feed.send('medmentor.profiles.rank-list.frozen', data, this.tenantId)).id,
    );
  }

  /** Waits until matching has applied every event sent so far. */
  async settled(): Promise<void> {
    for (const id of this.sent.splice(0)) await this.app.processed(id);
  }
}
