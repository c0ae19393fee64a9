import { defineKind } from './message-kind.definition';

const matchSample = { role: 'career', side: 'mentee', other: { name: 'Dr. Lee Chen' } };

export const matchProposedKind = defineKind(
  {
    kind: 'match-proposed',
    category: 'matching',
    priority: 'critical',
    description: 'A match was proposed; each side is asked to answer before the deadline.',
    sample: {
      ...matchSample,
      responseDeadline: '2027-03-01T17:00:00Z',
      score: 812,
      reasons: [
        { label: 'Shared interests', points: 240, shared: 'health-equity, quality-improvement' },
        { label: 'Specialty', points: 200 },
      ],
    },
  },
  {
    subject: 'New {{role}} mentorship match in {{program.name}}: please answer',
    text: 'Hello {{recipient.name}},\n\nYou have been matched as {{side}} with {{other.name}} for {{role}} mentoring in {{program.name}}.{{#if score}} Compatibility score: {{score}}.{{/if}}\n{{#if reasons}}\nWhy you were matched:\n{{#each reasons}}- {{label}} ({{points}} points){{#if shared}}: {{shared}}{{/if}}\n{{/each}}\n{{/if}}Please accept or decline by {{date responseDeadline timeZone}}.',
    html: '<p>Hello {{recipient.name}},</p><p>You have been matched as {{side}} with <strong>{{other.name}}</strong> for {{role}} mentoring in {{program.name}}.{{#if score}} Compatibility score: {{score}}.{{/if}}</p>{{#if reasons}}<p>Why you were matched:</p><ul>{{#each reasons}}<li>{{label}} ({{points}} points){{#if shared}}: {{shared}}{{/if}}</li>{{/each}}</ul>{{/if}}<p>Please accept or decline by <strong>{{date responseDeadline timeZone}}</strong>.</p>',
  },
);

export const matchAcceptedKind = defineKind(
  {
    kind: 'match-accepted',
    category: 'matching',
    priority: 'normal',
    description: 'One side accepted a proposed match; the other side is told.',
    sample: { ...matchSample, by: 'mentor' },
  },
  {
    subject: '{{other.name}} accepted your match in {{program.name}}',
    text: 'Hello {{recipient.name}},\n\n{{other.name}} ({{by}}) accepted the {{role}} mentorship match in {{program.name}}.',
    html: '<p>Hello {{recipient.name}},</p><p><strong>{{other.name}}</strong> ({{by}}) accepted the {{role}} mentorship match in {{program.name}}.</p>',
  },
);

export const matchDeclinedKind = defineKind(
  {
    kind: 'match-declined',
    category: 'matching',
    priority: 'normal',
    description: 'A side declined a proposed match; both sides are told.',
    sample: { ...matchSample, by: 'mentor' },
  },
  {
    subject: 'Your match in {{program.name}} will not go ahead',
    text: 'Hello {{recipient.name}},\n\nThe {{role}} mentorship match with {{other.name}} in {{program.name}} was declined by the {{by}}. The program will look for another match.',
    html: '<p>Hello {{recipient.name}},</p><p>The {{role}} mentorship match with <strong>{{other.name}}</strong> in {{program.name}} was declined by the {{by}}. The program will look for another match.</p>',
  },
);

export const matchExpiredKind = defineKind(
  {
    kind: 'match-expired',
    category: 'matching',
    priority: 'normal',
    description: 'A proposed match expired before both sides accepted.',
    sample: { ...matchSample, responseDeadline: '2027-03-01T17:00:00Z' },
  },
  {
    subject: 'Your match proposal in {{program.name}} expired',
    text: 'Hello {{recipient.name}},\n\nThe {{role}} mentorship match with {{other.name}} in {{program.name}} was not accepted by both sides before {{date responseDeadline timeZone}}.',
    html: '<p>Hello {{recipient.name}},</p><p>The {{role}} mentorship match with <strong>{{other.name}}</strong> in {{program.name}} was not accepted by both sides before {{date responseDeadline timeZone}}.</p>',
  },
);

export const matchActivatedKind = defineKind(
  {
    kind: 'match-activated',
    category: 'matching',
    priority: 'normal',
    description: 'Both sides accepted: the mentorship starts.',
    sample: matchSample,
  },
  {
    subject: 'Your {{role}} mentorship with {{other.name}} starts',
    text: 'Hello {{recipient.name}},\n\nYou and {{other.name}} both accepted: your {{role}} mentorship in {{program.name}} starts now. A kickoff meeting will be proposed soon.',
    html: '<p>Hello {{recipient.name}},</p><p>You and <strong>{{other.name}}</strong> both accepted: your {{role}} mentorship in {{program.name}} starts now. A kickoff meeting will be proposed soon.</p>',
  },
);

export const matchEndedKind = defineKind(
  {
    kind: 'match-ended',
    category: 'matching',
    priority: 'low',
    description: 'A mentorship ended (completed, undone, withdrawn or the program closed).',
    sample: { ...matchSample, reason: 'completed' },
  },
  {
    subject: 'Your mentorship with {{other.name}} has ended',
    text: 'Hello {{recipient.name}},\n\nYour {{role}} mentorship with {{other.name}} in {{program.name}} has ended ({{reason}}). Thank you for taking part.',
    html: '<p>Hello {{recipient.name}},</p><p>Your {{role}} mentorship with <strong>{{other.name}}</strong> in {{program.name}} has ended ({{reason}}). Thank you for taking part.</p>',
  },
);

export const matchRunCompletedKind = defineKind(
  {
    kind: 'match-run-completed',
    category: 'program-admin',
    priority: 'normal',
    description: "A match run finished; the program's administrators are told the counts.",
    sample: { status: 'completed', matched: 42, unmatched: 3, algorithm: 'assignment' },
  },
  {
    subject: 'Match run for {{program.name}}: {{status}}',
    text: 'Hello {{recipient.name}},\n\nThe {{algorithm}} match run for {{program.name}} {{status}}: {{matched}} matched, {{unmatched}} unmatched.{{#if failure}}\nReason: {{failure}}{{/if}}',
    html: '<p>Hello {{recipient.name}},</p><p>The {{algorithm}} match run for <strong>{{program.name}}</strong> {{status}}: {{matched}} matched, {{unmatched}} unmatched.</p>{{#if failure}}<p>Reason: {{failure}}</p>{{/if}}',
  },
);
