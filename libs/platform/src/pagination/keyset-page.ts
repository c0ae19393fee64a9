import { z } from 'zod';

// Lists are ordered newest first by (createdAt, _id) and paged by keyset: the cursor holds
// the sort key of the last item returned, so pages stay stable while documents are added.

export interface PageKey {
  createdAt: Date;
  id: string;
}

export interface Page<T> {
  items: T[];
  /** Pass back as `cursor` for the next page; null on the last page. */
  nextCursor: string | null;
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** An opaque cursor for the item after which the next page starts. */
export const encodeCursor = (key: PageKey): string =>
  Buffer.from(JSON.stringify({ t: key.createdAt.getTime(), i: key.id }), 'utf8').toString(
    'base64url',
  );

/** The key inside a cursor, or undefined when it is not one this API produced. */
export const decodeCursor = (cursor: string): PageKey | undefined => {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value !== 'object' || value === null) return undefined;
    const { t, i } = value as { t?: unknown; i?: unknown };
    if (typeof t !== 'number' || !Number.isSafeInteger(t) || t < 0) return undefined;
    if (typeof i !== 'string' || i.length === 0 || i.length > 128) return undefined;
    return { createdAt: new Date(t), id: i };
  } catch {
    return undefined;
  }
};

/** Query fields every list accepts: `limit` (1..100, default 20) and `cursor`. */
export const pageQueryFields = {
  limit: z.coerce
    .number()
    .int()
    .min(1)
    .max(MAX_PAGE_SIZE)
    .default(DEFAULT_PAGE_SIZE)
    .describe(`Page size, 1..${MAX_PAGE_SIZE} (default ${DEFAULT_PAGE_SIZE}).`),
  cursor: z
    .string()
    .max(512)
    .transform((value, ctx) => {
      const key = decodeCursor(value);
      if (key === undefined) {
        ctx.addIssue({ code: 'custom', message: 'is not a cursor returned by this list' });
        return z.NEVER;
      }
      return key;
    })
    .optional()
    .describe('The `nextCursor` of the previous page.'),
};

export interface PageRequest {
  limit: number;
  after?: PageKey;
}

/** Sort order that matches the keyset condition below. */
export const KEYSET_SORT = { createdAt: -1, _id: -1 } as const;

/** Condition selecting the items after `after` in KEYSET_SORT order. */
export const keysetCondition = (after: PageKey | undefined): Record<string, unknown> =>
  after === undefined
    ? {}
    : {
        $or: [
          { createdAt: { $lt: after.createdAt } },
          { createdAt: after.createdAt, _id: { $lt: after.id } },
        ],
      };

/**
 * Builds a page from up to `limit + 1` documents read in KEYSET_SORT order: the extra one only
 * tells whether another page exists.
 */
export const toPage = <D extends { _id: string; createdAt: Date }, T>(
  docs: readonly D[],
  limit: number,
  map: (doc: D) => T,
): Page<T> => {
  const items = docs.slice(0, limit);
  const last = items[items.length - 1];
  const more = docs.length > limit && last !== undefined;
  return {
    items: items.map(map),
    nextCursor: more ? encodeCursor({ createdAt: last.createdAt, id: last._id }) : null,
  };
};

/** OpenAPI/zod shape of a page of `item`. */
export const pageSchema = <S extends z.ZodType>(item: S) =>
  z.object({ items: z.array(item), nextCursor: z.string().nullable() });
