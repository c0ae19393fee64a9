import { DateTime } from 'luxon';

export const DIGEST_MODES = ['off', 'daily', 'weekly'] as const;
export type DigestMode = (typeof DIGEST_MODES)[number];

export interface DigestPeriod {
  /** Local calendar day (`2026-11-22`) or ISO week (`2026-W47`) in the physician's zone. */
  key: string;
  /** When the period ends (next local midnight, or Monday 00:00): the digest is due then. */
  endsAt: Date;
}

/** The digest period that `now` falls in, in the physician's time zone. */
export const digestPeriod = (
  now: Date,
  zone: string,
  mode: Exclude<DigestMode, 'off'>,
): DigestPeriod => {
  const local = DateTime.fromJSDate(now, { zone });
  if (mode === 'daily') {
    return {
      key: local.toISODate() ?? '',
      endsAt: local.startOf('day').plus({ days: 1 }).toJSDate(),
    };
  }
  return {
    key: `${local.weekYear}-W${String(local.weekNumber).padStart(2, '0')}`,
    endsAt: local.startOf('week').plus({ weeks: 1 }).toJSDate(),
  };
};

export interface DigestItem {
  kind: string;
  subject: string;
  createdAt: Date;
}

export interface DigestSection {
  kind: string;
  count: number;
  subjects: string[];
}

/** Groups a digest's items by message kind, oldest first within a kind, kinds by first arrival. */
export const groupDigestItems = (items: readonly DigestItem[]): DigestSection[] => {
  const sorted = [...items].sort((a, b) => a.createdAt.getTime() - b.createdAt.getTime());
  const sections = new Map<string, DigestSection>();
  for (const item of sorted) {
    const section = sections.get(item.kind) ?? { kind: item.kind, count: 0, subjects: [] };
    section.count += 1;
    section.subjects.push(item.subject);
    sections.set(item.kind, section);
  }
  return [...sections.values()];
};
