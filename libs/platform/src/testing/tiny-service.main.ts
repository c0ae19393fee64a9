// A minimal service booted with bootstrapService, run as a real process by
// bootstrap.integration-spec.ts to observe signals, logs and exit codes.
import 'reflect-metadata';
import {
  Controller,
  Get,
  Inject,
  Injectable,
  Logger,
  Module,
  type BeforeApplicationShutdown,
  type OnApplicationShutdown,
  type OnModuleDestroy,
} from '@nestjs/common';
import { Server, type CustomTransportStrategy } from '@nestjs/microservices';
import { bootstrapService } from '../bootstrap/bootstrap-service';
import { loadConfig } from '../config/load-config';
import { serviceConfigSchema } from '../config/service-config.schema';
import { HealthRegistry } from '../health/health-registry.service';
import { PlatformModule } from '../platform.module';

const config = loadConfig(serviceConfigSchema('tiny', 3999), process.env, 'tiny');

@Injectable()
class Lifecycle implements OnModuleDestroy, BeforeApplicationShutdown, OnApplicationShutdown {
  private readonly logger = new Logger('Lifecycle');

  constructor(@Inject(HealthRegistry) private readonly health: HealthRegistry) {}

  onModuleDestroy(): void {
    this.logger.log(`hook onModuleDestroy draining=${this.health.isDraining()}`);
  }

  async beforeApplicationShutdown(signal?: string): Promise<void> {
    this.logger.log(`hook beforeApplicationShutdown ${signal}`);
    if (process.env['TINY_HANG_ON_SHUTDOWN'] === '1')
      await new Promise(() => setInterval(() => undefined, 1000));
  }

  onApplicationShutdown(signal?: string): void {
    this.logger.log(`hook onApplicationShutdown ${signal}`);
  }
}

@Controller('tiny')
class TinyController {
  @Get('crash')
  crash(): string {
    setTimeout(() => {
      throw new Error('crashed outside any request');
    }, 10);
    return 'scheduled';
  }
}

class NoopTransport extends Server implements CustomTransportStrategy {
  listen(callback: () => void): void {
    new Logger('NoopTransport').log('transport listening');
    callback();
  }
  close(): void {
    new Logger('NoopTransport').log('transport closed');
  }
  on(): void {}
  unwrap<T>(): T {
    return undefined as T;
  }
}

@Module({
  imports: [PlatformModule.forRoot({ serviceName: 'tiny', config })],
  controllers: [TinyController],
  providers: [Lifecycle],
})
class TinyModule {}

void bootstrapService({
  serviceName: 'tiny',
  module: TinyModule,
  config,
  microservices: [new NoopTransport()],
  openApi: { title: 'Tiny', description: 'Test service', version: '0.0.0' },
});
