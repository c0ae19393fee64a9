import { z } from 'zod';
import { formatFieldPath, zodIssuesToFieldErrors } from './zod-issues';

describe('formatFieldPath', () => {
  it.each([
    [[], ''],
    [['a'], 'a'],
    [['a', 'b', 0, 'c'], 'a.b[0].c'],
    [[0, 'a'], '[0].a'],
    [['a', 'x.y'], 'a["x.y"]'],
    [['weird key'], '["weird key"]'],
  ])('%p → %p', (path, expected) => {
    expect(formatFieldPath(path)).toBe(expected);
  });
});

describe('zodIssuesToFieldErrors', () => {
  it('gives each unknown key its own error', () => {
    const result = z
      .strictObject({ a: z.strictObject({ b: z.string() }) })
      .safeParse({ a: { b: 'x', c: 1, d: 2 }, e: 3 });
    expect(zodIssuesToFieldErrors(result.error?.issues ?? [])).toEqual([
      { field: 'a.c', message: 'is not allowed' },
      { field: 'a.d', message: 'is not allowed' },
      { field: 'e', message: 'is not allowed' },
    ]);
  });
});
