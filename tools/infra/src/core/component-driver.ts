import type { ComponentName } from './component-names';
import type { InfraConfig, PortSetting } from './infra-config';
import type { ProcessSpec } from './state-file';

export type Log = (line: string) => void;

export interface DriverContext {
  config: InfraConfig;
  log: Log;
  signal?: AbortSignal;
}

export interface PrepareResult {
  /** True when the cache already held everything (warm start). */
  cached: boolean;
  ms: number;
}

/** What a managed server needs to run: written to the state file so it can be restarted as is. */
export interface Provisioned {
  spec: ProcessSpec;
  marker: string;
  env: Record<string, string>;
  ports: Record<string, number>;
  dataDir: string;
  logFiles: string[];
  /** Time spent on one-off set-up after the data dir was made (e.g. Kafka's storage format). */
  setupMs: number;
}

export interface ProbeOptions {
  /** First start: also exercise a write path (create a topic, insert a document). */
  deep: boolean;
}

/** One piece of infrastructure (Kafka, FerretDB, SMTP) that infra can start or borrow. */
export interface ComponentDriver {
  name: ComponentName;
  title: string;
  /** Env var named by the ports in `Provisioned.ports`, for "port in use" messages. */
  portEnvVars: Record<string, string>;
  readyTimeoutMs: number;
  stopTimeoutMs: number;
  /** Downloads or builds what the server needs into the cache (no-op when cached). */
  prepare(ctx: DriverContext): Promise<PrepareResult>;
  /** Ports this component will listen on, checked before anything is written. */
  portSettings(config: InfraConfig): PortSetting[];
  /** Fresh data dir, config files, and the command to run. */
  provision(ctx: DriverContext): Promise<Provisioned>;
  /** Throws unless the server answers at the endpoints in `env`. */
  probe(env: Record<string, string>, options: ProbeOptions): Promise<void>;
  /** Env vars that select an existing server instead of starting one. */
  externalEnv(value: string, env: NodeJS.ProcessEnv): Record<string, string>;
  /** One line: where it listens. */
  describe(env: Record<string, string>): string;
}
