import { createHash, randomBytes } from 'node:crypto';
import { Inject, Injectable } from '@nestjs/common';
import { InjectModel } from '@nestjs/mongoose';
import type { Model } from 'mongoose';
import type { Principal } from '@medmentor/auth';
import { buildMeetingCalendar, type CalendarMeeting } from '@medmentor/scheduling-engine';
import { mayActFor } from '../access/access';
import { NotFoundError } from '../access/access-errors';
import { CLOCK, type Clock } from '../config/clock';
import { SCHEDULING_CONFIG, type SchedulingConfig } from '../config/scheduling-config';
import { DirectoryService } from '../directory/directory.service';
import { MeetingRepository } from '../meetings/meeting.repository';
import { MeetingService } from '../meetings/meeting.service';
import type { Meeting } from '../meetings/schemas/meeting.schema';
import { CalendarFeed } from './schemas/calendar-feed.schema';

const DAY = 86_400_000;
const PROD_ID = { company: 'MedMentor', product: 'scheduling' };
const hash = (token: string): string => createHash('sha256').update(token).digest('hex');

const toCalendarMeeting = (m: Meeting): CalendarMeeting => ({
  uid: `${m._id}@medmentor`,
  sequence: m.sequence,
  start: m.start.getTime(),
  end: m.end.getTime(),
  title: m.kind === 'kickoff' ? 'Mentorship kickoff' : 'Mentorship check-in',
  description: m.agenda.length
    ? `Agenda:\n${m.agenda.map((a) => `- ${a.text}`).join('\n')}`
    : undefined,
  url: m.videoUrl,
  status: m.status,
});

/** `.ics` invitations per meeting and per-physician feeds behind a revocable secret token. */
@Injectable()
export class CalendarService {
  constructor(
    @InjectModel(CalendarFeed.name) private readonly feeds: Model<CalendarFeed>,
    private readonly meetings: MeetingService,
    private readonly meetingRepository: MeetingRepository,
    private readonly directory: DirectoryService,
    @Inject(SCHEDULING_CONFIG) private readonly config: SchedulingConfig,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async invitation(principal: Principal, meetingId: string): Promise<string> {
    const meeting = await this.meetings.visible(principal, meetingId);
    return buildMeetingCalendar([toCalendarMeeting(meeting)], {
      name: 'MedMentor',
      prodId: PROD_ID,
      method: 'request',
    });
  }

  /** Issues a new feed URL; the previous token stops working at once. */
  async issueFeed(
    principal: Principal,
    physicianId: string,
  ): Promise<{ url: string; createdAt: string }> {
    await this.assertPhysician(principal, physicianId);
    const token = randomBytes(32).toString('base64url');
    const createdAt = this.clock.now();
    await this.feeds
      .updateOne(
        { _id: physicianId, tenantId: principal.tenantId },
        { $set: { tokenHash: hash(token), createdAt } },
        { upsert: true },
      )
      .exec();
    const base = this.config.SCHEDULING_PUBLIC_BASE_URL.replace(/\/$/, '');
    return {
      url: `${base}/api/v1/calendar-feeds/${token}.ics`,
      createdAt: createdAt.toISOString(),
    };
  }

  async revokeFeed(principal: Principal, physicianId: string): Promise<void> {
    await this.assertPhysician(principal, physicianId);
    await this.feeds.deleteOne({ _id: physicianId, tenantId: principal.tenantId }).exec();
  }

  /** The feed behind a token: the last 30 days and the next year; null for an unknown or revoked token. */
  async feed(token: string): Promise<string | null> {
    const feed = await this.feeds
      .findOne({ tokenHash: hash(token) })
      .lean<CalendarFeed>()
      .exec();
    if (!feed) return null;
    const now = this.clock.now().getTime();
    const meetings = await this.meetingRepository.list(
      {
        tenantId: feed.tenantId,
        physicianId: feed._id,
        from: new Date(now - 30 * DAY),
        to: new Date(now + 365 * DAY),
      },
      1000,
    );
    return buildMeetingCalendar(meetings.map(toCalendarMeeting), {
      name: 'MedMentor meetings',
      prodId: PROD_ID,
      method: 'publish',
    });
  }

  private async assertPhysician(principal: Principal, physicianId: string): Promise<void> {
    if (!mayActFor(principal, physicianId)) throw new NotFoundError('physician', physicianId);
    const physician = await this.directory.physician(principal.tenantId, physicianId);
    if (!physician || physician.erased) throw new NotFoundError('physician', physicianId);
  }
}
