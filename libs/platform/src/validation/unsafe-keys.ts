import { formatFieldPath } from '../errors/zod-issues';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/**
 * True for keys that could pollute prototypes or act as MongoDB operators if a value ever
 * reached a query or update unchanged: `$`-prefixed keys and the prototype-chain names.
 */
export const isUnsafeKey = (key: string): boolean => key.startsWith('$') || FORBIDDEN_KEYS.has(key);

/** Paths (as `a.b[0].c`) of every unsafe key anywhere in `value`, depth-first. */
export function findUnsafeKeys(value: unknown, maxDepth = 64): string[] {
  const found: string[] = [];
  const visit = (node: unknown, path: PropertyKey[], depth: number): void => {
    if (node === null || typeof node !== 'object') return;
    if (depth > maxDepth) {
      found.push(formatFieldPath(path));
      return;
    }
    if (Array.isArray(node)) {
      node.forEach((item, index) => visit(item, [...path, index], depth + 1));
      return;
    }
    // Own keys only, including a "__proto__" own key JSON.parse can create.
    for (const key of Object.keys(node)) {
      if (isUnsafeKey(key)) found.push(formatFieldPath([...path, key]));
      else visit((node as Record<string, unknown>)[key], [...path, key], depth + 1);
    }
  };
  visit(value, [], 0);
  return found;
}
