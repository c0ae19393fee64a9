import { InputError } from './input-error';

/** An id as it appears in files: a string or an integer. The engine sees `String(id)`. */
export type JsonId = string | number;

export type JsonObject = Record<string, unknown>;

export function asObject(value: unknown, path: string): JsonObject {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new InputError(`${path} must be an object`);
  }
  return value as JsonObject;
}

export function asArray(value: unknown, path: string): readonly unknown[] {
  if (!Array.isArray(value)) throw new InputError(`${path} must be an array`);
  return value;
}

export function asId(value: unknown, path: string): JsonId {
  if (typeof value === 'string' && value.length > 0) return value;
  if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
  throw new InputError(`${path} must be a non-empty string or an integer id`);
}

export function asCount(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isInteger(value) && value >= 0 && value <= 0x7fffffff) {
    return value;
  }
  throw new InputError(`${path} must be a non-negative integer`);
}

export function asFiniteNumber(value: unknown, path: string): number {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  throw new InputError(`${path} must be a finite number`);
}

/**
 * Remembers how each id of one kind was written, so results echo ids with their original JSON
 * type. Refuses an id written both as a number and as a string ("7" and 7).
 */
export class IdSpace {
  private readonly original = new Map<string, JsonId>();

  constructor(private readonly kind: string) {}

  declare(id: JsonId, path: string): string {
    const key = String(id);
    const seen = this.original.get(key);
    if (seen !== undefined && typeof seen !== typeof id) {
      throw new InputError(
        `${path}: ${this.kind} id ${key} is written both as a number and as a string`,
      );
    }
    this.original.set(key, id);
    return key;
  }

  toJson(key: string): JsonId {
    return this.original.get(key) ?? key;
  }
}
