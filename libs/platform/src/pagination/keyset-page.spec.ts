import { z } from 'zod';
import {
  decodeCursor,
  encodeCursor,
  keysetCondition,
  pageQueryFields,
  toPage,
} from './keyset-page';

describe('keyset pagination', () => {
  const key = { createdAt: new Date('2025-03-01T10:00:00.123Z'), id: 'b2c1' };

  it('round-trips a key through an opaque cursor', () => {
    const cursor = encodeCursor(key);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(key);
  });

  it('refuses cursors it did not produce', () => {
    for (const bad of [
      '',
      'not-a-cursor',
      Buffer.from('{"t":"x","i":"a"}').toString('base64url'),
      Buffer.from('[1]').toString('base64url'),
    ]) {
      expect(decodeCursor(bad)).toBeUndefined();
    }
  });

  it('validates limit and cursor in the query', () => {
    const schema = z.object(pageQueryFields);
    expect(schema.parse({})).toEqual({ limit: 20 });
    expect(schema.parse({ limit: '100', cursor: encodeCursor(key) })).toEqual({
      limit: 100,
      cursor: key,
    });
    expect(schema.safeParse({ limit: '101' }).success).toBe(false);
    expect(schema.safeParse({ limit: '0' }).success).toBe(false);
    const bad = schema.safeParse({ cursor: 'garbage' });
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0]).toMatchObject({
      path: ['cursor'],
      message: 'is not a cursor returned by this list',
    });
  });

  it('selects items strictly after the key in (createdAt desc, _id desc) order', () => {
    expect(keysetCondition(undefined)).toEqual({});
    expect(keysetCondition(key)).toEqual({
      $or: [
        { createdAt: { $lt: key.createdAt } },
        { createdAt: key.createdAt, _id: { $lt: key.id } },
      ],
    });
  });

  it('gives a next cursor only when an extra document was read', () => {
    const docs = [3, 2, 1].map((n) => ({ _id: `id${n}`, createdAt: new Date(n * 1000) }));
    const full = toPage(docs, 2, (doc) => doc._id);
    expect(full.items).toEqual(['id3', 'id2']);
    expect(decodeCursor(full.nextCursor!)).toEqual({ createdAt: new Date(2000), id: 'id2' });
    expect(toPage(docs, 3, (doc) => doc._id).nextCursor).toBeNull();
    expect(toPage([], 3, (doc: { _id: string; createdAt: Date }) => doc._id)).toEqual({
      items: [],
      nextCursor: null,
    });
  });
});
