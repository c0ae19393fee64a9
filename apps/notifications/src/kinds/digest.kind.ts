import { defineKind } from './message-kind.definition';

/** The summary of low-priority messages that waited for a daily or weekly digest. */
export const digestKind = defineKind(
  {
    kind: 'digest',
    category: 'milestones',
    priority: 'normal',
    description: 'Daily or weekly summary of low-priority messages.',
    sample: {
      count: 2,
      sections: [
        {
          kind: 'match-ended',
          count: 2,
          subjects: ['Your mentorship has ended', 'Your mentorship has ended'],
        },
      ],
    },
  },
  {
    subject: 'Your MedMentor summary: {{count}} update(s)',
    text: 'Hello {{recipient.name}},\n\nHere is what happened:\n{{#each sections}}\n{{#each subjects}}- {{this}}\n{{/each}}{{/each}}',
    html: '<p>Hello {{recipient.name}},</p><p>Here is what happened:</p>{{#each sections}}<ul>{{#each subjects}}<li>{{this}}</li>{{/each}}</ul>{{/each}}',
  },
);
