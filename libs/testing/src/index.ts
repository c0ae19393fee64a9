export * from './wait-for';
export * from './test-env';
export * from './infra-control';
export * from './kafka-reader';
export * from './service-process';
export * from './event-feed';
