/** A half-open span of time [start, end) in epoch milliseconds (UTC instants). */
export interface Interval {
  start: number;
  end: number;
}

const byStart = (a: Interval, b: Interval): number => a.start - b.start || a.end - b.end;

/** Sorted, non-overlapping, non-empty intervals covering the same time as the input. */
export const mergeIntervals = (intervals: readonly Interval[]): Interval[] => {
  const sorted = intervals.filter((i) => i.end > i.start).sort(byStart);
  const merged: Interval[] = [];
  for (const interval of sorted) {
    const last = merged[merged.length - 1];
    if (last && interval.start <= last.end) last.end = Math.max(last.end, interval.end);
    else merged.push({ start: interval.start, end: interval.end });
  }
  return merged;
};

/** The time covered by both lists; each list must be merged (sorted, disjoint). */
export const intersectIntervals = (a: readonly Interval[], b: readonly Interval[]): Interval[] => {
  const out: Interval[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    const start = Math.max(a[i].start, b[j].start);
    const end = Math.min(a[i].end, b[j].end);
    if (end > start) out.push({ start, end });
    if (a[i].end < b[j].end) i += 1;
    else j += 1;
  }
  return out;
};

/** The time of `from` not covered by `minus`; both lists must be merged. */
export const subtractIntervals = (
  from: readonly Interval[],
  minus: readonly Interval[],
): Interval[] => {
  const out: Interval[] = [];
  let j = 0;
  for (const interval of from) {
    let cursor = interval.start;
    while (j < minus.length && minus[j].end <= cursor) j += 1;
    let k = j;
    while (k < minus.length && minus[k].start < interval.end) {
      if (minus[k].start > cursor) out.push({ start: cursor, end: minus[k].start });
      cursor = Math.max(cursor, minus[k].end);
      k += 1;
    }
    if (cursor < interval.end) out.push({ start: cursor, end: interval.end });
  }
  return out;
};

export const overlaps = (a: Interval, b: Interval): boolean => a.start < b.end && b.start < a.end;
