import { Module } from '@nestjs/common';
import { MongooseModule } from '@nestjs/mongoose';
import { MatchRepository } from './match.repository';
import { Match, MatchSchema } from './schemas/match.schema';

/** The matches collection, shared by runs (capacities, declined pairs) and the lifecycle. */
@Module({
  imports: [MongooseModule.forFeature([{ name: Match.name, schema: MatchSchema }])],
  providers: [MatchRepository],
  exports: [MatchRepository],
})
export class MatchStoreModule {}
