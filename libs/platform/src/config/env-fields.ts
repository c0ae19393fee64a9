import { z } from 'zod';

// Building blocks for environment-variable schemas. Environment values are strings; these
// parse them into typed values, with messages that read well after the variable's name.

/** An integer variable within [min, max], with a default when unset. */
export function envInt(defaultValue: number, { min = 0, max = Number.MAX_SAFE_INTEGER } = {}) {
  const message = `must be an integer between ${min} and ${max}`;
  return z
    .string()
    .trim()
    .regex(/^-?\d+$/, { message })
    .transform(Number)
    .pipe(z.number().int().min(min, { message }).max(max, { message }))
    .default(defaultValue);
}

/** A non-blank string variable with a default when unset. */
export function envString(defaultValue: string) {
  return z.string().trim().min(1).default(defaultValue);
}

/** One of a fixed set of values, with a default when unset. */
export function envEnum<const T extends readonly [string, ...string[]]>(
  values: T,
  defaultValue: T[number],
) {
  return z
    .enum(values, { message: `must be one of ${values.join(', ')}` })
    .default(defaultValue as never);
}

const HOST_PORT = /^(?:[A-Za-z0-9._-]+|\[[0-9A-Fa-f:.]+\]):\d{1,5}$/;

/** A comma-separated list of `host:port` pairs, e.g. `kafka-0:9092,kafka-1:9092`, as an array. */
export function envHostPortList() {
  return z.string().transform((value, ctx) => {
    const entries = value
      .split(',')
      .map((part) => part.trim())
      .filter((part) => part.length > 0);
    const bad = entries.filter((entry) => !HOST_PORT.test(entry));
    if (entries.length === 0 || bad.length > 0) {
      ctx.addIssue({
        code: 'custom',
        message:
          'must be a comma-separated list of host:port' +
          (bad.length > 0 ? ` (bad entries: ${bad.map((b) => JSON.stringify(b)).join(', ')})` : ''),
      });
      return z.NEVER;
    }
    return entries;
  });
}

/** A URL whose scheme is one of `protocols` (e.g. `['mongodb:', 'mongodb+srv:']`). */
export function envUrl(protocols: readonly string[]) {
  const message = `must be a URL starting with ${protocols.map((p) => `${p}//`).join(' or ')}`;
  return z
    .string()
    .trim()
    .refine(
      (value) => {
        try {
          return protocols.includes(new URL(value).protocol);
        } catch {
          return false;
        }
      },
      { message },
    );
}

/**
 * A MongoDB connection string. Not parsed with `URL`: a replica-set seed list
 * (`mongodb://a:27017,b:27017/?replicaSet=rs`) is not a valid WHATWG URL.
 */
export function envMongoUri() {
  return z
    .string()
    .trim()
    .regex(/^mongodb(?:\+srv)?:\/\/[^/\s]+/, {
      message: 'must be a mongodb:// or mongodb+srv:// connection string',
    });
}
