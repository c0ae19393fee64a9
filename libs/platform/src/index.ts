// Config
export {
  envEnum,
  envHostPortList,
  envInt,
  envMongoUri,
  envString,
  envUrl,
} from './config/env-fields';
export {
  formatConfigErrors,
  loadConfig,
  parseConfig,
  type ConfigError,
  type ConfigResult,
  type Env,
} from './config/load-config';
export {
  baseServiceConfigSchema,
  LOG_LEVELS,
  serviceConfigSchema,
  type ServiceConfig,
} from './config/service-config.schema';

// Logging and correlation
export { CORRELATION_ID_HEADER, correlationIdFrom } from './logging/correlation-id';
export { createLoggerParams, createStandaloneLogger } from './logging/logger-options.factory';
export { getCorrelationId, RequestContext, runWithCorrelationId } from './logging/request-context';

// Health
export {
  HealthRegistry,
  type CheckOutcome,
  type HealthCheck,
} from './health/health-registry.service';
export { HealthCheckTimeoutError, withTimeout } from './health/with-timeout';

// Metrics
export { HTTP_DURATION_METRIC } from './metrics/http-metrics.hook';
export { MetricsRegistry } from './metrics/metrics-registry.service';

// Errors and validation
export {
  DomainError,
  RequestValidationError,
  VALIDATION_FAILED,
  type DomainErrorParams,
  type FieldError,
} from './errors/domain-error';
export {
  PROBLEM_CONTENT_TYPE,
  PROBLEM_TYPE_BASE,
  problemTypeFor,
  type ProblemDetails,
} from './errors/problem-details';
export { ProblemDetailsFilter } from './errors/problem-details.filter';
export {
  INTERNAL_ERROR,
  MALFORMED_BODY,
  toProblemDetails,
  type MappedProblem,
} from './errors/problem-details.mapper';
export { formatFieldPath, zodIssuesToFieldErrors } from './errors/zod-issues';
export { findUnsafeKeys, isUnsafeKey } from './validation/unsafe-keys';
export { ZodBody, ZodParams, ZodQuery } from './validation/zod-request.decorators';
export { ZodValidationPipe, type RequestPart } from './validation/zod-validation.pipe';

// Pagination
export {
  decodeCursor,
  DEFAULT_PAGE_SIZE,
  encodeCursor,
  KEYSET_SORT,
  keysetCondition,
  MAX_PAGE_SIZE,
  pageQueryFields,
  pageSchema,
  toPage,
  type Page,
  type PageKey,
  type PageRequest,
} from './pagination/keyset-page';

// Secrets
export { constantTimeEqual } from './security/constant-time-equal';

// HTTP
export { IS_PUBLIC_KEY, Public } from './http/public.decorator';

// OpenAPI
export {
  createOpenApiDocument,
  setupOpenApi,
  writeOpenApiDocument,
  type OpenApiOptions,
} from './openapi/setup-openapi';
export {
  ApiZodBody,
  ApiZodParams,
  ApiZodQuery,
  ApiZodResponse,
} from './openapi/zod-openapi.decorators';
export { zodToOpenApiSchema } from './openapi/zod-openapi-schema';

// Module and bootstrap
export { MongoIndexInitializer } from './mongo/mongo-index.initializer';
export { PlatformModule } from './platform.module';
export { PLATFORM_OPTIONS, type PlatformModuleOptions } from './platform-options';
export { bootstrapService, type BootstrapOptions } from './bootstrap/bootstrap-service';
export { createFastifyAdapter, type HttpServerLimits } from './bootstrap/fastify-adapter.factory';
export {
  HTTP_SECURITY_VARIABLES,
  httpSecurityConfigSchema,
  type HttpSecurityConfig,
} from './bootstrap/http-security.config';
export {
  RATE_LIMITED,
  rateLimitKeyGenerator,
  registerHttpSecurity,
  type SubjectResolver,
} from './bootstrap/http-security';
export {
  createShutdownHandler,
  installShutdownSignals,
  type ShutdownOptions,
} from './bootstrap/graceful-shutdown';
export { installProcessErrorHandlers } from './bootstrap/process-error-handlers';
