import {
  Module,
  type DynamicModule,
  type InjectionToken,
  type ModuleMetadata,
  type OptionalFactoryDependency,
  type Provider,
} from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import type { AuthOptions } from './auth-options';
import { AuthGuard } from './auth.guard';
import { JwtVerifier } from './jwt-verifier';

export const AUTH_OPTIONS = Symbol('AUTH_OPTIONS');

interface AuthModuleExtras {
  /** Register AuthGuard as APP_GUARD, so every route needs a token unless @Public(). Default true. */
  readonly globalGuard?: boolean;
}

export interface AuthModuleAsyncOptions extends AuthModuleExtras, Pick<ModuleMetadata, 'imports'> {
  readonly useFactory: (...args: never[]) => AuthOptions | Promise<AuthOptions>;
  readonly inject?: (InjectionToken | OptionalFactoryDependency)[];
}

/**
 * Bearer-JWT authentication for a service. Global: AuthGuard and JwtVerifier can be injected
 * anywhere. Options are validated when the module is created, so bad config fails the boot.
 */
@Module({})
export class AuthModule {
  static forRoot(options: AuthOptions & AuthModuleExtras): DynamicModule {
    return AuthModule.build([{ provide: AUTH_OPTIONS, useValue: options }], options);
  }

  static forRootAsync(options: AuthModuleAsyncOptions): DynamicModule {
    return {
      ...AuthModule.build(
        [{ provide: AUTH_OPTIONS, useFactory: options.useFactory, inject: options.inject ?? [] }],
        options,
      ),
      imports: options.imports ?? [],
    };
  }

  private static build(optionsProviders: Provider[], extras: AuthModuleExtras): DynamicModule {
    const providers: Provider[] = [
      ...optionsProviders,
      {
        provide: JwtVerifier,
        useFactory: (o: AuthOptions) => new JwtVerifier(o),
        inject: [AUTH_OPTIONS],
      },
      AuthGuard,
    ];
    if (extras.globalGuard !== false) {
      providers.push({ provide: APP_GUARD, useExisting: AuthGuard });
    }
    return { module: AuthModule, global: true, providers, exports: [JwtVerifier, AuthGuard] };
  }
}
