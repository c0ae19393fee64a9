/** Anything that pins a tenant. A `Principal` is one; so is `{ tenantId }` built from an event. */
export interface TenantContext {
  readonly tenantId: string;
}

/**
 * A query filter (or document) that names its tenant. Repository methods take this type, so a
 * query that forgets the tenant does not compile.
 */
export type TenantScoped<F extends object = object> = Omit<F, 'tenantId'> & { tenantId: string };

/** The tenant context of a principal or an event, checked at run time as well. */
export function tenantContext(source: TenantContext): TenantContext {
  assertTenantId(source.tenantId);
  return { tenantId: source.tenantId };
}

/**
 * Adds the caller's tenant to a filter. The context's tenant always wins over a `tenantId`
 * already in `filter`, so a filter built from client input cannot reach another tenant.
 */
export function tenantFilter<F extends object = Record<never, never>>(
  context: TenantContext,
  filter?: F,
): TenantScoped<F> {
  assertTenantId(context.tenantId);
  return { ...(filter ?? ({} as F)), tenantId: context.tenantId };
}

function assertTenantId(tenantId: unknown): asserts tenantId is string {
  // Guards against `as any` and untyped callers: an empty tenant would match nothing or everything.
  if (typeof tenantId !== 'string' || tenantId.length === 0) {
    throw new TypeError('A tenant-scoped operation needs a non-empty tenantId');
  }
}
