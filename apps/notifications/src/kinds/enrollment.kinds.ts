import { defineKind } from './message-kind.definition';

export const enrollmentConfirmedKind = defineKind(
  {
    kind: 'enrollment-confirmed',
    category: 'enrollment',
    priority: 'normal',
    description: 'A physician enrolled in a program.',
    sample: { side: 'mentee', roles: ['career', 'clinical'] },
  },
  {
    subject: 'You are enrolled in {{program.name}}',
    text: 'Hello {{recipient.name}},\n\nYour enrollment in {{program.name}} as a {{side}} is confirmed.{{#if roles.length}} Roles: {{#each roles}}{{this}}{{#unless @last}}, {{/unless}}{{/each}}.{{/if}}\nWe will let you know when matching starts.',
    html: '<p>Hello {{recipient.name}},</p><p>Your enrollment in <strong>{{program.name}}</strong> as a {{side}} is confirmed.{{#if roles.length}} Roles: {{#each roles}}{{this}}{{#unless @last}}, {{/unless}}{{/each}}.{{/if}}</p><p>We will let you know when matching starts.</p>',
  },
);

export const enrollmentWithdrawnKind = defineKind(
  {
    kind: 'enrollment-withdrawn',
    category: 'enrollment',
    priority: 'normal',
    description: 'A physician left a program, or an administrator removed them.',
    sample: { side: 'mentor' },
  },
  {
    subject: 'Your enrollment in {{program.name}} ended',
    text: 'Hello {{recipient.name}},\n\nYou are no longer enrolled in {{program.name}} as a {{side}}. You can enroll again while enrollment is open.',
    html: '<p>Hello {{recipient.name}},</p><p>You are no longer enrolled in <strong>{{program.name}}</strong> as a {{side}}. You can enroll again while enrollment is open.</p>',
  },
);

export const rankListFrozenKind = defineKind(
  {
    kind: 'rank-list-frozen',
    category: 'matching',
    priority: 'normal',
    description: 'The rank-list deadline passed; the list is final (attached as CSV).',
    sample: { ranked: 3, frozenAt: '2027-02-01T17:00:00Z' },
  },
  {
    subject: 'Your rank list for {{program.name}} is final',
    text: 'Hello {{recipient.name}},\n\nThe rank-list deadline passed on {{date frozenAt timeZone}}. Your list of {{ranked}} choice(s) is final and will be used in the match. A copy is attached.',
    html: '<p>Hello {{recipient.name}},</p><p>The rank-list deadline passed on {{date frozenAt timeZone}}. Your list of {{ranked}} choice(s) is final and will be used in the match. A copy is attached.</p>',
  },
);
