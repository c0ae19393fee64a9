import { mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { z } from 'zod';

/** How to (re)start a managed server: `kafka start` replays it with the same ports and data. */
export const processSpecSchema = z.object({
  command: z.string(),
  args: z.array(z.string()),
  cwd: z.string(),
  logFile: z.string(),
  /** Set for the server on top of the CLI's own environment (e.g. a Go runtime setting). */
  env: z.record(z.string(), z.string()).optional(),
});
export type ProcessSpec = z.infer<typeof processSpecSchema>;

const managedComponentSchema = z.object({
  managed: z.literal(true),
  /** null while stopped with `<component> stop`. */
  pid: z.number().int().positive().nullable(),
  /** Text that the process' command line must contain: guards against killing a recycled pid. */
  marker: z.string(),
  process: processSpecSchema,
  /** Env vars this component contributes (KAFKA_BROKERS, ...). */
  env: z.record(z.string(), z.string()),
  ports: z.record(z.string(), z.number().int()),
  dataDir: z.string(),
  logFiles: z.array(z.string()),
  startedAt: z.string().nullable(),
  /** Spawn until answering, last (re)start. */
  startupMs: z.number().nullable(),
  /** Measured at `up`: prepareMs (download/build, ~0 when cached), setupMs, startMs, totalMs. */
  timings: z.record(z.string(), z.number()).optional(),
});

const externalComponentSchema = z.object({
  managed: z.literal(false),
  env: z.record(z.string(), z.string()),
  /** The env var that named the existing server. */
  source: z.string(),
});

export const componentStateSchema = z.discriminatedUnion('managed', [
  managedComponentSchema,
  externalComponentSchema,
]);
export type ComponentState = z.infer<typeof componentStateSchema>;
export type ManagedComponentState = z.infer<typeof managedComponentSchema>;

export const infraStateSchema = z.object({
  version: z.literal(1),
  createdAt: z.string(),
  updatedAt: z.string(),
  cacheDir: z.string(),
  /** pid of the `up` (or `with`) process that created this state. */
  ownerPid: z.number().int(),
  components: z.object({
    kafka: componentStateSchema.optional(),
    mongo: componentStateSchema.optional(),
    smtp: componentStateSchema.optional(),
  }),
});
export type InfraState = z.infer<typeof infraStateSchema>;

export function emptyState(cacheDir: string, now: Date = new Date()): InfraState {
  const at = now.toISOString();
  return {
    version: 1,
    createdAt: at,
    updatedAt: at,
    cacheDir,
    ownerPid: process.pid,
    components: {},
  };
}

/** Returns null when there is no state file; throws with the path when it cannot be used. */
export function readState(file: string): InfraState | null {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return null;
    throw error;
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`state file ${file} is not JSON: stop leftover servers by hand and delete it`);
  }
  const parsed = infraStateSchema.safeParse(json);
  if (!parsed.success) {
    throw new Error(
      `state file ${file} has an unknown format (${parsed.error.issues[0]?.message ?? 'invalid'}): stop leftover servers by hand and delete it`,
    );
  }
  return parsed.data;
}

/** Writes atomically (temp file + rename) so readers never see half a file. */
export function writeState(file: string, state: InfraState, now: Date = new Date()): InfraState {
  const next: InfraState = { ...state, updatedAt: now.toISOString() };
  mkdirSync(dirname(file), { recursive: true });
  const tmp = `${file}.${process.pid}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(next, null, 2)}\n`);
  renameSync(tmp, file);
  return next;
}

export function removeState(file: string): void {
  rmSync(file, { force: true });
}

/** Env vars of every component, in a stable order. */
export function stateEnv(state: InfraState): Record<string, string> {
  const env: Record<string, string> = {};
  for (const name of ['kafka', 'mongo', 'smtp'] as const) {
    const component = state.components[name];
    if (component) Object.assign(env, component.env);
  }
  return env;
}
