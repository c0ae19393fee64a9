import { MatchingInputError } from './errors';

/**
 * Orders ids by UTF-16 code units. Unlike `localeCompare` it does not depend on the locale or
 * the ICU version, so canonical orders (and therefore outputs) are the same on every machine.
 */
export const compareIds = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** Maps each id to its position in `ids`; refuses duplicates, naming the first one found. */
export function indexIds(ids: readonly string[], what: string): Map<string, number> {
  const index = new Map<string, number>();
  for (let i = 0; i < ids.length; i++) {
    const id = ids[i];
    if (index.has(id)) {
      throw new MatchingInputError('duplicate-id', `${what} id "${id}" appears more than once`);
    }
    index.set(id, i);
  }
  return index;
}

/** Positions 0..n-1 sorted by their ids: the canonical order used wherever order must not matter. */
export function canonicalOrder(ids: readonly string[]): Int32Array {
  const order = Int32Array.from(ids.keys());
  return order.sort((a, b) => compareIds(ids[a], ids[b]));
}
