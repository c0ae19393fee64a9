// The meetings that make physicians busy, read against the real FerretDB: what the planner
// reads before placing a kickoff (`scheduledOf`). A physician counts as mentee and as mentor, a
// meeting between two of them comes once, and cancelled meetings, meetings outside the window
// and other tenants' meetings are left out.
import mongoose, { type Connection, type Model } from 'mongoose';
import { mongoUri, uniqueName } from '@medmentor/testing';
import { MeetingRepository } from '../src/meetings/meeting.repository';
import { Meeting, MeetingSchema } from '../src/meetings/schemas/meeting.schema';

const hour = (h: number): Date => new Date(Date.UTC(2027, 0, 4, h));

describe('MeetingRepository.scheduledOf (real FerretDB)', () => {
  const database = uniqueName('it_scheduled_of').replace(/-/g, '_');
  let connection: Connection;
  let model: Model<Meeting>;
  let repository: MeetingRepository;

  beforeAll(async () => {
    connection = await mongoose.createConnection(mongoUri(), { dbName: database }).asPromise();
    model = connection.model(Meeting.name, MeetingSchema);
    await model.init();
    repository = new MeetingRepository(model);
    const meeting = (
      id: string,
      menteeId: string,
      mentorId: string,
      start: number,
      fields: Partial<Meeting> = {},
    ): Meeting => ({
      _id: id,
      tenantId: 'tenant-a',
      matchId: `match-${id}`,
      programId: 'program-1',
      role: 'clinical',
      kind: 'check-in',
      menteeId,
      mentorId,
      menteeTimeZone: 'UTC',
      mentorTimeZone: 'UTC',
      start: hour(start),
      end: hour(start + 1),
      status: 'scheduled',
      sequence: 0,
      videoUrl: 'https://video.example/x',
      agenda: [],
      notes: '',
      actionItems: [],
      feedback: [],
      remindersDone: [],
      createdAt: hour(0),
      ...fields,
    });
    await model.insertMany([
      meeting('as-mentee', 'ph-1', 'ph-9', 9),
      meeting('as-mentor', 'ph-8', 'ph-2', 10),
      meeting('between-both', 'ph-1', 'ph-2', 11),
      meeting('others', 'ph-7', 'ph-9', 12),
      meeting('cancelled', 'ph-1', 'ph-9', 13, { status: 'cancelled' }),
      meeting('before-window', 'ph-1', 'ph-9', 2),
      meeting('after-window', 'ph-2', 'ph-9', 20),
      meeting('other-tenant', 'ph-1', 'ph-2', 9, { tenantId: 'tenant-b' }),
      // overlaps the window's start: it still makes the physician busy
      meeting('straddles-start', 'ph-9', 'ph-2', 7, { end: hour(9) }),
    ]);
  });

  afterAll(async () => {
    await connection.dropDatabase();
    await connection.close();
  });

  it('answers the meetings of these physicians in either role, each once', async () => {
    const found = await repository.scheduledOf({
      tenantId: 'tenant-a',
      physicianIds: ['ph-1', 'ph-2'],
      from: hour(8),
      to: hour(18),
    });
    expect(found.map((m) => m._id).sort()).toEqual([
      'as-mentee',
      'as-mentor',
      'between-both',
      'straddles-start',
    ]);
  });

  it('answers nothing for physicians without meetings, and keeps tenants apart', async () => {
    const none = await repository.scheduledOf({
      tenantId: 'tenant-a',
      physicianIds: ['ph-404'],
      from: hour(0),
      to: hour(23),
    });
    expect(none).toEqual([]);
    const otherTenant = await repository.scheduledOf({
      tenantId: 'tenant-b',
      physicianIds: ['ph-2'],
      from: hour(0),
      to: hour(23),
    });
    expect(otherTenant.map((m) => m._id)).toEqual(['other-tenant']);
  });
});
