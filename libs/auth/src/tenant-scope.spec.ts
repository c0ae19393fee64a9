import { tenantContext, tenantFilter, type TenantScoped } from './tenant-scope';
import type { Principal } from './identity';

const principal: Principal = {
  subject: 'u1',
  roles: ['mentor'],
  tenantId: 't1',
  tenantSource: 'token',
};

describe('tenantFilter', () => {
  it('adds the tenant to a filter', () => {
    expect(tenantFilter(principal, { status: 'active' })).toEqual({
      status: 'active',
      tenantId: 't1',
    });
    expect(tenantFilter(principal)).toEqual({ tenantId: 't1' });
  });

  it("lets the context's tenant win over one in the filter", () => {
    const fromClient = { tenantId: 'other', name: 'x' } as { tenantId?: string; name: string };
    expect(tenantFilter(principal, fromClient)).toEqual({ tenantId: 't1', name: 'x' });
  });

  it('refuses an empty tenant at run time', () => {
    expect(() => tenantFilter({ tenantId: '' }, {})).toThrow(TypeError);
    expect(() => tenantContext({ tenantId: undefined as unknown as string })).toThrow(TypeError);
  });

  it('makes a filter without a tenant a compile error', () => {
    const find = (filter: TenantScoped<{ status: string }>) => filter;
    // @ts-expect-error the tenant is missing
    find({ status: 'active' });
    expect(find({ status: 'active', tenantId: 't1' }).tenantId).toBe('t1');
  });
});
