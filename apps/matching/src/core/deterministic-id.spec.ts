import { z } from 'zod';
import { deterministicUuid } from './deterministic-id';

describe('deterministicUuid', () => {
  it('is a valid UUID, the same for the same name and different for another', () => {
    const id = deterministicUuid('run-1:enrollment-1:career');
    expect(z.uuid().safeParse(id).success).toBe(true);
    expect(deterministicUuid('run-1:enrollment-1:career')).toBe(id);
    expect(deterministicUuid('run-1:enrollment-2:career')).not.toBe(id);
  });
});
