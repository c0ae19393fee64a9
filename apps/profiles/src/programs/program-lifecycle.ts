import type { MatchingMode, ProgramStatus } from '@medmentor/contracts';

// draft → open → matching → active → closed, as explicit actions. Pure: no I/O.

export const PROGRAM_ACTIONS = ['publish', 'start-matching', 'activate', 'close'] as const;
export type ProgramAction = (typeof PROGRAM_ACTIONS)[number];

export type TransitionResult = { ok: true; to: ProgramStatus } | { ok: false; reason: string };

interface Transition {
  to: ProgramStatus;
  from: (mode: MatchingMode) => readonly ProgramStatus[];
}

const TRANSITIONS: Record<ProgramAction, Transition> = {
  publish: { to: 'open', from: () => ['draft'] },
  // A self-match program has no match run: mentees pick from recommendations while it is
  // open or active, so it goes from open straight to active.
  'start-matching': { to: 'matching', from: (mode) => (mode === 'self-match' ? [] : ['open']) },
  activate: { to: 'active', from: (mode) => (mode === 'self-match' ? ['open'] : ['matching']) },
  close: { to: 'closed', from: () => ['open', 'matching', 'active'] },
};

/** Where `action` takes a program in `status`, or why it cannot. */
export const transition = (
  status: ProgramStatus,
  action: ProgramAction,
  mode: MatchingMode,
): TransitionResult => {
  const rule = TRANSITIONS[action];
  const from = rule.from(mode);
  if (from.includes(status)) return { ok: true, to: rule.to };
  if (from.length === 0) return { ok: false, reason: `a ${mode} program has no ${action} step` };
  return {
    ok: false,
    reason: `${action} needs a program that is ${from.join(' or ')}, this one is ${status}`,
  };
};

/** The actions a program in `status` allows, in lifecycle order. */
export const allowedActions = (status: ProgramStatus, mode: MatchingMode): ProgramAction[] =>
  PROGRAM_ACTIONS.filter((action) => transition(status, action, mode).ok);

/** Statuses in which mentors and mentees see a program: published and not closed. */
export const PARTICIPANT_VISIBLE_STATUSES: readonly ProgramStatus[] = [
  'open',
  'matching',
  'active',
];

/** Fields fixed once a program is published: enrollments and match runs depend on them. */
export const FIELDS_LOCKED_AFTER_PUBLISH = ['kind', 'matchingMode'] as const;

/** What may change in `status`: everything in a draft, nothing once closed. */
export const editability = (status: ProgramStatus): 'all' | 'unlocked-fields' | 'none' =>
  status === 'draft' ? 'all' : status === 'closed' ? 'none' : 'unlocked-fields';

/** Whether a change in `status` is announced: drafts are private to their admins. */
export const announcesChanges = (status: ProgramStatus): boolean => status !== 'draft';
