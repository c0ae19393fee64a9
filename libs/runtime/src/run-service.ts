import type { Type } from '@nestjs/common';
import type { ServiceName } from '@medmentor/contracts';
import { AuthConfigError, authOptionsFromEnv, type ResolvedAuthOptions } from '@medmentor/auth';
import { bootstrapService, loadConfig } from '@medmentor/platform';
import { runtimeConfigSchema } from './runtime-config.schema';
import { ServiceModule } from './service.module';
import { writeServiceOpenApi } from './write-openapi';

export interface ServiceDefinition {
  name: ServiceName;
  defaultPort: number;
  title: string;
  description: string;
  version: string;
  features: Type[];
}

const authOrExit = (env: NodeJS.ProcessEnv): ResolvedAuthOptions => {
  try {
    return authOptionsFromEnv(env);
  } catch (error) {
    if (!(error instanceof AuthConfigError)) throw error;
    process.stderr.write(
      `Invalid configuration:\n${error.problems.map((p) => `  - ${p.field}: ${p.message}`).join('\n')}\n`,
    );
    process.exit(1);
  }
};

/**
 * Validates the environment (exit 1 naming every bad variable), then boots the service.
 * `--write-openapi <path>` writes the OpenAPI document instead, without connecting anywhere.
 */
export const runService = async (definition: ServiceDefinition, argv = process.argv.slice(2)): Promise<void> => {
  if (argv[0] === '--write-openapi' && argv[1]) {
    await writeServiceOpenApi(definition, argv[1]);
    return;
  }
  const config = loadConfig(runtimeConfigSchema(definition.name, definition.defaultPort));
  const auth = authOrExit(process.env);
  await bootstrapService({
    serviceName: definition.name,
    module: ServiceModule.register(definition.name, config, auth, definition.features),
    config,
    openApi: { title: definition.title, description: definition.description, version: definition.version },
  });
};
