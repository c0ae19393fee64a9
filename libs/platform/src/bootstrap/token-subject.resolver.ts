import type { INestApplicationContext } from '@nestjs/common';
import { ModulesContainer } from '@nestjs/core';
import type { SubjectResolver } from './http-security';

interface TokenVerifier {
  verify(token: string): Promise<{ readonly subject: string }>;
}

const isTokenVerifier = (value: unknown): value is TokenVerifier =>
  typeof (value as TokenVerifier | null)?.verify === 'function';

/**
 * The subject of a verified bearer token, through the app's `JwtVerifier` provider
 * (@medmentor/auth), or undefined when the app has none. Found by provider name, not by
 * import: this lib must load without auth's decorators (tsx and esbuild cannot compile them).
 */
export function tokenSubjectResolver(
  app: INestApplicationContext,
  providerName = 'JwtVerifier',
): SubjectResolver | undefined {
  for (const moduleRef of app.get(ModulesContainer).values()) {
    for (const wrapper of moduleRef.providers.values()) {
      if (wrapper.metatype?.name !== providerName || !wrapper.isDependencyTreeStatic()) continue;
      const verifier: unknown = wrapper.instance;
      if (isTokenVerifier(verifier)) {
        return async (token) => (await verifier.verify(token)).subject;
      }
    }
  }
  return undefined;
}
