import type { z } from 'zod';

export type Env = Readonly<Record<string, string | undefined>>;

/** One bad or missing variable. */
export interface ConfigError {
  readonly variable: string;
  readonly message: string;
}

export type ConfigResult<T> = { ok: true; config: T } | { ok: false; errors: ConfigError[] };

/**
 * Validates `env` against `schema`. Blank values count as unset, so `FOO=` in an env file
 * falls back to the default. Never throws; values are never echoed (they may be secrets).
 */
export function parseConfig<S extends z.ZodType<object, Record<string, unknown>>>(
  schema: S,
  env: Env = process.env,
): ConfigResult<z.output<S>> {
  const present: Record<string, string> = {};
  for (const [key, value] of Object.entries(env)) {
    if (value !== undefined && value.trim() !== '') present[key] = value;
  }
  const result = schema.safeParse(present);
  if (result.success) return { ok: true, config: result.data };

  const errors: ConfigError[] = [];
  const seen = new Set<string>();
  for (const issue of result.error.issues) {
    const variable = issue.path.length > 0 ? String(issue.path[0]) : '(config)';
    const missing = issue.code === 'invalid_type' && present[variable] === undefined;
    const message = missing ? 'is required but not set' : issue.message;
    const key = `${variable}\u0000${message}`;
    if (seen.has(key)) continue;
    seen.add(key);
    errors.push({ variable, message });
  }
  errors.sort((a, b) => a.variable.localeCompare(b.variable));
  return { ok: false, errors };
}

/** The single message `loadConfig` prints. */
export function formatConfigErrors(errors: readonly ConfigError[], serviceName?: string): string {
  const header = `Invalid configuration${serviceName ? ` for ${serviceName}` : ''}: ${errors.length} problem${
    errors.length === 1 ? '' : 's'
  } in environment variables`;
  return [header, ...errors.map((e) => `  - ${e.variable} ${e.message}`)].join('\n');
}

/**
 * Reads configuration once at boot. On failure prints one message naming every bad or
 * missing variable to stderr and exits with status 1: a service never runs half-configured.
 */
export function loadConfig<S extends z.ZodType<object, Record<string, unknown>>>(
  schema: S,
  env: Env = process.env,
  serviceName?: string,
): z.output<S> {
  const result = parseConfig(schema, env);
  if (result.ok) return result.config;
  process.stderr.write(`${formatConfigErrors(result.errors, serviceName)}\n`);
  process.exit(1);
}
