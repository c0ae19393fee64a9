const MINUTE = 60_000;

export interface ReminderState {
  /** Offsets already sent, or skipped because their time had passed when the meeting was set. */
  remindersDone: number[];
  /** When the next reminder is due; undefined when none is left. */
  reminderAt?: Date;
}

/**
 * Which reminders of a meeting starting at `start` are still to come at `now`. Offsets whose
 * moment has passed are marked done without being sent: a meeting set 2 hours ahead gets no
 * "24 hours before" reminder.
 */
export const reminderState = (
  start: Date,
  offsets: readonly number[],
  now: Date,
  done: readonly number[] = [],
): ReminderState => {
  const remindersDone = [...done];
  let next: number | undefined;
  for (const offset of offsets) {
    if (remindersDone.includes(offset)) continue;
    const due = start.getTime() - offset * MINUTE;
    if (due <= now.getTime()) remindersDone.push(offset);
    else next = next === undefined ? due : Math.min(next, due);
  }
  return { remindersDone, ...(next !== undefined && { reminderAt: new Date(next) }) };
};

/** Offsets due at `now` that have not been sent: the reminders to send in this tick. */
export const dueOffsets = (
  start: Date,
  offsets: readonly number[],
  now: Date,
  done: readonly number[],
): number[] =>
  offsets.filter(
    (offset) =>
      !done.includes(offset) && start.getTime() - offset * MINUTE <= now.getTime() && start > now,
  );
