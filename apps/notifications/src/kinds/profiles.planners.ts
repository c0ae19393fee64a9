import type { EventPayload } from '@medmentor/contracts';
import type { PlannedMessage } from '../delivery/planned-message';
import {
  enrollmentConfirmedKind,
  enrollmentWithdrawnKind,
  rankListFrozenKind,
} from './enrollment.kinds';

// Pure: what messages an event means. Names and addresses are resolved at send time.

export const planEnrollmentConfirmed = (
  e: EventPayload<'medmentor.profiles.enrollment.submitted'>,
): PlannedMessage[] => [
  {
    kind: enrollmentConfirmedKind.kind,
    recipient: { physicianId: e.physicianId },
    programId: e.programId,
    data: { side: e.side, roles: e.roles },
  },
];

export const planEnrollmentWithdrawn = (
  e: EventPayload<'medmentor.profiles.enrollment.withdrawn'>,
): PlannedMessage[] => [
  {
    kind: enrollmentWithdrawnKind.kind,
    recipient: { physicianId: e.physicianId },
    programId: e.programId,
    data: { side: e.side },
  },
];

/** The final list goes along as CSV (rank, enrollment id). */
export const planRankListFrozen = (
  e: EventPayload<'medmentor.profiles.rank-list.frozen'>,
): PlannedMessage[] => {
  const ranked = e.ranks;
  const csv = ['rank,enrollment_id', ...ranked.map((id, index) => `${index + 1},${id}`)].join(
    '\r\n',
  );
  return [
    {
      kind: rankListFrozenKind.kind,
      recipient: { physicianId: e.physicianId },
      programId: e.programId,
      data: { ranked: ranked.length, frozenAt: e.frozenAt },
      attachments: [
        {
          filename: 'rank-list.csv',
          contentType: 'text/csv',
          content: Buffer.from(`${csv}\r\n`).toString('base64'),
        },
      ],
    },
  ];
};
