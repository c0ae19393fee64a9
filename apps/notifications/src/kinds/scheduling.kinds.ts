import { defineKind } from './message-kind.definition';

const meetingSample = {
  meetingKind: 'kickoff',
  role: 'career',
  side: 'mentee',
  other: { name: 'Dr. Lee Chen' },
  start: '2027-03-02T15:00:00Z',
  zone: 'America/Chicago',
  videoUrl: 'https://video.example/room',
};

export const meetingScheduledKind = defineKind(
  {
    kind: 'meeting-scheduled',
    category: 'scheduling',
    priority: 'normal',
    description: 'A kickoff or check-in was scheduled; the invitation (.ics) is attached.',
    sample: meetingSample,
  },
  {
    subject: 'Your {{meetingKind}} with {{other.name}}: {{date start zone}}',
    text: 'Hello {{recipient.name}},\n\nYour {{meetingKind}} with {{other.name}} ({{role}} mentoring, {{program.name}}) is on {{date start zone}}.{{#if videoUrl}}\nJoin: {{videoUrl}}{{/if}}\nThe calendar invitation is attached.',
    html: '<p>Hello {{recipient.name}},</p><p>Your {{meetingKind}} with <strong>{{other.name}}</strong> ({{role}} mentoring, {{program.name}}) is on <strong>{{date start zone}}</strong>.</p>{{#if videoUrl}}<p><a href="{{videoUrl}}">Join the meeting</a></p>{{/if}}<p>The calendar invitation is attached.</p>',
  },
);

export const meetingRescheduledKind = defineKind(
  {
    kind: 'meeting-rescheduled',
    category: 'scheduling',
    priority: 'normal',
    description: 'A meeting moved; the updated invitation (.ics) is attached.',
    sample: { ...meetingSample, previousStart: '2027-03-01T15:00:00Z' },
  },
  {
    subject: 'Moved: your {{meetingKind}} with {{other.name}} is now {{date start zone}}',
    text: 'Hello {{recipient.name}},\n\nYour {{meetingKind}} with {{other.name}} moved from {{date previousStart zone}} to {{date start zone}}.{{#if videoUrl}}\nJoin: {{videoUrl}}{{/if}}\nThe updated invitation is attached.',
    html: '<p>Hello {{recipient.name}},</p><p>Your {{meetingKind}} with <strong>{{other.name}}</strong> moved from {{date previousStart zone}} to <strong>{{date start zone}}</strong>.</p>{{#if videoUrl}}<p><a href="{{videoUrl}}">Join the meeting</a></p>{{/if}}<p>The updated invitation is attached.</p>',
  },
);

export const meetingCancelledKind = defineKind(
  {
    kind: 'meeting-cancelled',
    category: 'scheduling',
    priority: 'normal',
    description: 'A meeting will not take place; the cancellation (.ics) is attached.',
    sample: { ...meetingSample, reason: 'cancelled' },
  },
  {
    subject: 'Cancelled: your {{meetingKind}} with {{other.name}} on {{date start zone}}',
    text: 'Hello {{recipient.name}},\n\nYour {{meetingKind}} with {{other.name}} on {{date start zone}} will not take place ({{reason}}).',
    html: '<p>Hello {{recipient.name}},</p><p>Your {{meetingKind}} with <strong>{{other.name}}</strong> on {{date start zone}} will not take place ({{reason}}).</p>',
  },
);

export const meetingReminderKind = defineKind(
  {
    kind: 'meeting-reminder',
    category: 'scheduling',
    priority: 'normal',
    description: 'A meeting is coming up (the program reminder offsets).',
    sample: meetingSample,
  },
  {
    subject: 'Reminder: {{meetingKind}} with {{other.name}} at {{date start zone}}',
    text: 'Hello {{recipient.name}},\n\nA reminder of your {{meetingKind}} with {{other.name}} on {{date start zone}}.{{#if videoUrl}}\nJoin: {{videoUrl}}{{/if}}',
    html: '<p>Hello {{recipient.name}},</p><p>A reminder of your {{meetingKind}} with <strong>{{other.name}}</strong> on <strong>{{date start zone}}</strong>.</p>{{#if videoUrl}}<p><a href="{{videoUrl}}">Join the meeting</a></p>{{/if}}',
  },
);

export const noCommonSlotKind = defineKind(
  {
    kind: 'no-common-slot',
    category: 'scheduling',
    priority: 'normal',
    description: 'No slot suits both sides: the pair is asked to choose a time.',
    sample: {
      meetingKind: 'kickoff',
      role: 'career',
      other: { name: 'Dr. Lee Chen' },
      windowEnd: '2027-03-15T00:00:00Z',
      zone: 'America/Chicago',
    },
  },
  {
    subject: 'Please pick a time for your {{meetingKind}} with {{other.name}}',
    text: 'Hello {{recipient.name}},\n\nWe could not find a time that suits both you and {{other.name}} for your {{meetingKind}}. Please agree on a time before {{date windowEnd zone}}, or update your availability.',
    html: '<p>Hello {{recipient.name}},</p><p>We could not find a time that suits both you and <strong>{{other.name}}</strong> for your {{meetingKind}}. Please agree on a time before {{date windowEnd zone}}, or update your availability.</p>',
  },
);

export const checkInOverdueKind = defineKind(
  {
    kind: 'check-in-overdue',
    category: 'scheduling',
    priority: 'normal',
    description: 'A gentle nudge to both sides when a check-in is overdue.',
    sample: { role: 'career', other: { name: 'Dr. Lee Chen' } },
  },
  {
    subject: 'Time for a check-in with {{other.name}}',
    text: 'Hello {{recipient.name}},\n\nIt has been a while since your last check-in with {{other.name}}. A short conversation keeps your {{role}} mentorship going.',
    html: '<p>Hello {{recipient.name}},</p><p>It has been a while since your last check-in with <strong>{{other.name}}</strong>. A short conversation keeps your {{role}} mentorship going.</p>',
  },
);

export const relationshipInactiveKind = defineKind(
  {
    kind: 'relationship-inactive',
    category: 'program-admin',
    priority: 'normal',
    description: "A mentorship went inactive: the program's administrators are alerted.",
    sample: {
      role: 'career',
      mentee: { name: 'Dr. Ana García' },
      mentor: { name: 'Dr. Lee Chen' },
    },
  },
  {
    subject: 'Inactive mentorship in {{program.name}}: {{mentee.name}} and {{mentor.name}}',
    text: 'Hello {{recipient.name}},\n\nThe {{role}} mentorship of {{mentee.name}} with {{mentor.name}} in {{program.name}} has had no check-in for too long and is now inactive.',
    html: '<p>Hello {{recipient.name}},</p><p>The {{role}} mentorship of <strong>{{mentee.name}}</strong> with <strong>{{mentor.name}}</strong> in {{program.name}} has had no check-in for too long and is now inactive.</p>',
  },
);

const milestoneSample = {
  milestone: 'first-meeting-held',
  role: 'career',
  other: { name: 'Dr. Lee Chen' },
  mentee: { name: 'Dr. Ana García' },
  mentor: { name: 'Dr. Lee Chen' },
};

export const milestoneCelebrationKind = defineKind(
  {
    kind: 'milestone-celebration',
    category: 'milestones',
    priority: 'low',
    description: 'A milestone of the pair, celebrated with both sides.',
    sample: milestoneSample,
  },
  {
    subject: 'Milestone reached with {{other.name}}: {{milestone}}',
    text: 'Hello {{recipient.name}},\n\nCongratulations: your {{role}} mentorship with {{other.name}} reached a milestone ({{milestone}}{{#if count}}: {{count}}{{/if}}).',
    html: '<p>Hello {{recipient.name}},</p><p>Congratulations: your {{role}} mentorship with <strong>{{other.name}}</strong> reached a milestone ({{milestone}}{{#if count}}: {{count}}{{/if}}).</p>',
  },
);

export const milestoneAnnouncementKind = defineKind(
  {
    kind: 'milestone-announcement',
    category: 'program-admin',
    priority: 'low',
    description: "A pair's milestone, announced to the program's administrators.",
    sample: milestoneSample,
  },
  {
    subject: '{{program.name}}: {{mentee.name}} and {{mentor.name}} reached {{milestone}}',
    text: 'Hello {{recipient.name}},\n\n{{mentee.name}} and {{mentor.name}} ({{role}} mentoring) reached a milestone in {{program.name}}: {{milestone}}{{#if count}} ({{count}}){{/if}}.',
    html: '<p>Hello {{recipient.name}},</p><p><strong>{{mentee.name}}</strong> and <strong>{{mentor.name}}</strong> ({{role}} mentoring) reached a milestone in {{program.name}}: {{milestone}}{{#if count}} ({{count}}){{/if}}.</p>',
  },
);
