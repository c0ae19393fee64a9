import type { NotificationChannel } from '@medmentor/contracts';

/**
 * How much a message matters. `critical` (a match proposal) always reaches the physician's
 * email; `low` (a celebration) may wait for a digest; `normal` is everything else.
 */
export const PRIORITIES = ['critical', 'normal', 'low'] as const;
export type Priority = (typeof PRIORITIES)[number];

/** What physicians opt in or out of, per channel. */
export const CATEGORIES = [
  'enrollment',
  'matching',
  'scheduling',
  'milestones',
  'program-admin',
] as const;
export type Category = (typeof CATEGORIES)[number];

export type Channel = NotificationChannel;
export const PERSONAL_CHANNELS = ['email', 'inbox'] as const satisfies readonly Channel[];
export type PersonalChannel = (typeof PERSONAL_CHANNELS)[number];
