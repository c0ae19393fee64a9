import { spawn, type ChildProcess } from 'node:child_process';
import { createWriteStream, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { waitFor } from './wait-for';

export const SERVICES = {
  profiles: 3001,
  matching: 3002,
  scheduling: 3003,
  notifications: 3004,
} as const;

export type ServiceName = keyof typeof SERVICES;

const root = join(__dirname, '../../..');

export interface ServiceProcessOptions {
  name: ServiceName;
  port: number;
  env: Record<string, string>;
  /** Folder for the service's log file. */
  logDir: string;
  /** The build to run (a folder laid out like `dist/`, e.g. another commit's); default `dist/`. */
  distDir?: string;
  /** Extra arguments for node before the script, e.g. `--cpu-prof` (refused in NODE_OPTIONS). */
  nodeArgs?: readonly string[];
}

/** One built service (`dist/`) running as its own process, as in production. */
export class ServiceProcess {
  private child: ChildProcess | undefined;
  private exit: Promise<number | null> | undefined;

  constructor(readonly options: ServiceProcessOptions) {}

  get url(): string {
    return `http://127.0.0.1:${this.options.port}`;
  }

  get logFile(): string {
    return join(this.options.logDir, `${this.options.name}.log`);
  }

  get running(): boolean {
    return this.child !== undefined && this.child.exitCode === null && this.child.signalCode === null;
  }

  start(): void {
    mkdirSync(this.options.logDir, { recursive: true });
    const log = createWriteStream(this.logFile, { flags: 'a' });
    const main = join(this.options.distDir ?? join(root, 'dist'), 'apps', this.options.name, 'src/main.js');
    const child = spawn(process.execPath, ['--enable-source-maps', ...(this.options.nodeArgs ?? []), main], {
      cwd: root,
      env: { ...process.env, ...this.options.env, PORT: String(this.options.port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child.stdout?.pipe(log);
    child.stderr?.pipe(log);
    this.child = child;
    this.exit = new Promise((resolve) => child.once('exit', (code) => resolve(code)));
  }

  async health(kind: 'live' | 'ready'): Promise<{ status: number; body: unknown }> {
    const response = await fetch(`${this.url}/health/${kind}`, { signal: AbortSignal.timeout(5000) });
    return { status: response.status, body: await response.json().catch(() => null) };
  }

  async waitReady(timeoutMs = 90_000): Promise<void> {
    await waitFor(
      async () => {
        if (!this.running) throw new Error(`${this.options.name} exited; see ${this.logFile}`);
        return (await this.health('ready')).status === 200;
      },
      { timeoutMs, intervalMs: 250, description: `${this.options.name} to be ready` },
    );
  }

  /** SIGTERM and wait: resolves with the exit code (0 for a clean shutdown). */
  async stop(timeoutMs = 30_000): Promise<number | null> {
    if (!this.child || !this.running) return this.child?.exitCode ?? null;
    this.child.kill('SIGTERM');
    const timer = setTimeout(() => this.child?.kill('SIGKILL'), timeoutMs);
    const code = await this.exit!;
    clearTimeout(timer);
    return code;
  }

  async kill(): Promise<void> {
    if (!this.child || !this.running) return;
    this.child.kill('SIGKILL');
    await this.exit;
  }
}
