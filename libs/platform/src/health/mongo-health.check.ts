import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import { ConnectionStates, type Connection } from 'mongoose';
import { PLATFORM_OPTIONS, type PlatformModuleOptions } from '../platform-options';
import { HealthRegistry } from './health-registry.service';

export const MONGODB_CHECK = 'mongodb';

/**
 * Readiness: a real `{ ping: 1 }` round trip. Terminus' MongooseHealthIndicator only reads
 * the connection state, which stays "connected" while the server does not answer.
 */
@Injectable()
export class MongoHealthCheck implements OnModuleInit {
  constructor(
    @InjectConnection() private readonly connection: Connection,
    @Inject(HealthRegistry) private readonly registry: HealthRegistry,
    @Inject(PLATFORM_OPTIONS) private readonly options: PlatformModuleOptions,
  ) {}

  onModuleInit(): void {
    this.registry.addReadinessCheck(MONGODB_CHECK, () => this.ping());
  }

  async ping(): Promise<Record<string, unknown>> {
    const db = this.connection.db;
    if (this.connection.readyState !== ConnectionStates.connected || db === undefined) {
      throw new Error(`not connected (${ConnectionStates[this.connection.readyState]})`);
    }
    const started = performance.now();
    // timeoutMS makes the driver give up too, not only the registry's race.
    await db.command({ ping: 1 }, { timeoutMS: this.options.config.HEALTH_CHECK_TIMEOUT_MS });
    return { latencyMs: Math.round(performance.now() - started) };
  }
}
