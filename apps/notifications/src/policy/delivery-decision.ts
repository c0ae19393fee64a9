import { digestPeriod, type DigestMode } from './digest-period';
import type { Category, Channel, Priority } from './message-kind';
import { quietHoursEnd, type QuietHours } from './quiet-hours';

export interface RecipientPreferences {
  /** Channels switched off per category; absent means on. */
  optOuts: Partial<Record<Category, Channel[]>>;
  quietHours?: QuietHours;
  digest: DigestMode;
}

export const DEFAULT_PREFERENCES: RecipientPreferences = { optOuts: {}, digest: 'off' };

export interface DecisionInput {
  priority: Priority;
  category: Category;
  channel: Channel;
  preferences: RecipientPreferences;
  timeZone: string;
  now: Date;
  /** Non-critical emails already sent to this recipient in the current UTC day. */
  sentToday: number;
  dailyCap: number;
}

export type Decision =
  | { action: 'send'; at: Date; deferred: boolean }
  | { action: 'skip'; reason: 'opted-out' }
  | { action: 'digest'; periodKey: string; dueAt: Date };

/**
 * What to do with one message for one recipient on one channel. Pure: the whole policy of
 * preferences, critical messages, digests, the daily cap and quiet hours is here.
 *
 * - A critical message always goes by email, whatever the opt-outs say (other channels obey).
 * - Low-priority email waits for the digest when the physician chose one.
 * - Past the daily cap, non-critical email waits for the next daily digest instead of being lost.
 * - Email waits for the end of quiet hours in the physician's zone; the inbox is silent and
 *   is written at once.
 */
export const decideDelivery = (input: DecisionInput): Decision => {
  const { priority, category, channel, preferences, now, timeZone } = input;
  const critical = priority === 'critical';
  const optedOut = preferences.optOuts[category]?.includes(channel) ?? false;
  if (optedOut && !(critical && channel === 'email'))
    return { action: 'skip', reason: 'opted-out' };
  if (channel !== 'email') return { action: 'send', at: now, deferred: false };

  if (priority === 'low' && preferences.digest !== 'off') {
    const period = digestPeriod(now, timeZone, preferences.digest);
    return { action: 'digest', periodKey: period.key, dueAt: period.endsAt };
  }
  if (!critical && input.sentToday >= input.dailyCap) {
    const period = digestPeriod(now, timeZone, 'daily');
    return { action: 'digest', periodKey: period.key, dueAt: period.endsAt };
  }
  const quietEnd = preferences.quietHours
    ? quietHoursEnd(now, timeZone, preferences.quietHours)
    : null;
  return quietEnd
    ? { action: 'send', at: quietEnd, deferred: true }
    : { action: 'send', at: now, deferred: false };
};
