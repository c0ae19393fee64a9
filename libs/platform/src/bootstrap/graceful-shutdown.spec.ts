import {
  Inject,
  Injectable,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { HealthRegistry } from '../health/health-registry.service';
import { createHttpTestApp } from '../testing/http-test-app';
import { createShutdownHandler } from './graceful-shutdown';

const events: string[] = [];
let app: NestFastifyApplication;
let hangBeforeShutdown = false;

/** Stands in for messaging: records when Nest calls each hook and what it sees then. */
@Injectable()
class HookRecorder implements OnModuleDestroy, BeforeApplicationShutdown, OnApplicationShutdown {
  constructor(@Inject(HealthRegistry) private readonly health: HealthRegistry) {}

  onModuleDestroy(): void {
    events.push(`onModuleDestroy draining=${this.health.isDraining()} http=${listening()}`);
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    events.push(`beforeApplicationShutdown(${signal}) http=${listening()}`);
    if (hangBeforeShutdown) await new Promise(() => undefined);
  }

  onApplicationShutdown(signal?: string): void {
    events.push(`onApplicationShutdown(${signal}) http=${listening()}`);
  }
}

@Module({ providers: [HookRecorder] })
class RecorderModule {}

/** A do-nothing transport, to see where Nest closes connected microservices. */
class RecordingTransport extends Server implements CustomTransportStrategy {
  listen(callback: () => void): void {
    callback();
  }
  close(): void {
    events.push(`microservice.close http=${listening()}`);
  }
  on(): void {}
  unwrap<T>(): T {
    return undefined as T;
  }
}

const listening = (): boolean => app.getHttpServer().listening;
const logger = { log: jest.fn(), warn: jest.fn(), error: jest.fn() };
const inject = (url: string) => app.getHttpAdapter().getInstance().inject({ method: 'GET', url });

describe('graceful shutdown', () => {
  beforeEach(async () => {
    events.length = 0;
    hangBeforeShutdown = false;
    jest.clearAllMocks();
    ({ app } = await createHttpTestApp({ imports: [{ module: RecorderModule }] }));
    app.connectMicroservice({ strategy: new RecordingTransport() }, { inheritAppConfig: true });
    await app.startAllMicroservices();
    await app.listen({ port: 0, host: '127.0.0.1' });
  });

  afterEach(async () => {
    if (listening()) await app.close();
  });

  it('drains, then runs Nest 11 hooks in order around closing HTTP and microservices, then exits 0', async () => {
    const exit = jest.fn();
    const shutdown = createShutdownHandler({
      app,
      health: app.get(HealthRegistry),
      logger,
      timeoutMs: 5_000,
      drainDelayMs: 150,
      exit,
    });

    const done = shutdown('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 50));
    // During the drain delay: not ready, but still serving.
    expect((await inject('/health/ready')).statusCode).toBe(503);
    expect((await inject('/health/live')).statusCode).toBe(200);
    expect((await inject('/things?limit=1')).statusCode).toBe(200);
    expect(events).toEqual([]);

    await done;
    expect(events).toEqual([
      'onModuleDestroy draining=true http=true',
      'beforeApplicationShutdown(SIGTERM) http=true',
      'microservice.close http=false',
      'onApplicationShutdown(SIGTERM) http=false',
    ]);
    expect(exit).toHaveBeenCalledTimes(1);
    expect(exit).toHaveBeenCalledWith(0);
  });

  it('ignores a second signal while shutting down', async () => {
    const exit = jest.fn();
    const close = jest.spyOn(app, 'close');
    const shutdown = createShutdownHandler({
      app,
      health: app.get(HealthRegistry),
      logger,
      timeoutMs: 5_000,
      drainDelayMs: 20,
      exit,
    });
    const first = shutdown('SIGTERM');
    const second = shutdown('SIGINT');
    await Promise.all([first, second]);
    expect(close).toHaveBeenCalledTimes(1);
    expect(logger.warn).toHaveBeenCalledWith('Received SIGINT while shutting down; ignoring it');
    expect(exit.mock.calls).toEqual([[0]]);
  });

  it('exits 1 when shutdown takes longer than the timeout', async () => {
    hangBeforeShutdown = true;
    const exit = jest.fn();
    const shutdown = createShutdownHandler({
      app,
      health: app.get(HealthRegistry),
      logger,
      timeoutMs: 200,
      drainDelayMs: 0,
      exit,
    });
    void shutdown('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(exit.mock.calls).toEqual([[1]]);
    expect(logger.error).toHaveBeenCalledWith(
      'Shutdown did not finish within 200 ms; exiting with 1',
    );
    // The hook never returns, so app.close() never will: close the server directly.
    await app.getHttpAdapter().getInstance().close();
  });
});
