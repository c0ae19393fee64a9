export * from './runtime-config.schema';
export * from './service.module';
export * from './run-service';
export * from './write-openapi';
export * from './kafka-security.schema';
