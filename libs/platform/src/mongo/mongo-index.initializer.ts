import { Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { InjectConnection } from '@nestjs/mongoose';
import type { Connection } from 'mongoose';

/**
 * Applies every model's declared indexes at boot (autoIndex is off, so nothing builds
 * them in the background and nothing hides a failure). An index that cannot be created
 * (FerretDB refuses TTL and partial indexes, a unique index meets duplicates) fails the
 * boot with the model and the server's reason.
 */
@Injectable()
export class MongoIndexInitializer implements OnApplicationBootstrap {
  private readonly logger = new Logger(MongoIndexInitializer.name);

  constructor(@InjectConnection() private readonly connection: Connection) {}

  async onApplicationBootstrap(): Promise<void> {
    await this.createAllIndexes();
  }

  async createAllIndexes(): Promise<void> {
    for (const name of this.connection.modelNames()) {
      const model = this.connection.model(name);
      try {
        await model.createIndexes();
      } catch (error) {
        const reason = error instanceof Error ? error.message : String(error);
        throw new Error(
          `Cannot create indexes of model ${name} (collection ${model.collection.collectionName}): ${reason}`,
          { cause: error },
        );
      }
      this.logger.log(`Indexes ready for ${name} (${model.schema.indexes().length} declared)`);
    }
  }
}
