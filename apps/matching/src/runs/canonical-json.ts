import { createHash } from 'node:crypto';

const canonical = (value: unknown): unknown => {
  if (Array.isArray(value)) return value.map(canonical);
  if (value instanceof Date) return value.toISOString();
  if (value !== null && typeof value === 'object') {
    return Object.fromEntries(
      Object.keys(value)
        .filter((key) => (value as Record<string, unknown>)[key] !== undefined)
        .sort()
        .map((key) => [key, canonical((value as Record<string, unknown>)[key])]),
    );
  }
  return value;
};

/**
 * JSON with object keys sorted at every depth and undefined members left out, so two equal
 * values give the same bytes whatever order their keys were built in. Arrays keep their order:
 * callers sort the ones whose order carries no meaning.
 */
export const canonicalJson = (value: unknown): string => JSON.stringify(canonical(value));

/** `sha256:<hex>` of the canonical JSON. */
export const canonicalHash = (value: unknown): string =>
  `sha256:${createHash('sha256').update(canonicalJson(value)).digest('hex')}`;
