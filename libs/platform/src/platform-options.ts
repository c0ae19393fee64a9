import type { ServiceConfig } from './config/service-config.schema';

/** What PlatformModule needs; `config` is the service's validated configuration. */
export interface PlatformModuleOptions {
  readonly serviceName: string;
  readonly config: ServiceConfig;
}

export const PLATFORM_OPTIONS = Symbol('medmentor:platform-options');
