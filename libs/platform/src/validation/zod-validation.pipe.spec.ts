import { z } from 'zod';
import { RequestValidationError } from '../errors/domain-error';
import { ZodValidationPipe } from './zod-validation.pipe';

const schema = z.object({
  name: z.string().min(1, 'must not be empty'),
  slots: z.array(z.object({ day: z.enum(['mon', 'tue']), hours: z.number().int() })),
  note: z.string().default(''),
});

function errorsOf(pipe: ZodValidationPipe<z.ZodType>, value: unknown) {
  try {
    pipe.transform(value);
  } catch (error) {
    expect(error).toBeInstanceOf(RequestValidationError);
    return (error as RequestValidationError).errors;
  }
  throw new Error('expected a validation error');
}

describe('ZodValidationPipe', () => {
  const pipe = new ZodValidationPipe(schema);

  it('returns the parsed value with defaults', () => {
    expect(pipe.transform({ name: 'a', slots: [] })).toEqual({ name: 'a', slots: [], note: '' });
  });

  it('reports every invalid field with its path', () => {
    expect(errorsOf(pipe, { name: '', slots: [{ day: 'sun', hours: 1.5 }] })).toEqual([
      { field: 'name', message: 'must not be empty' },
      { field: 'slots[0].day', message: 'Invalid option: expected one of "mon"|"tue"' },
      { field: 'slots[0].hours', message: 'Invalid input: expected int, received number' },
    ]);
  });

  it('rejects unknown top-level keys', () => {
    expect(errorsOf(pipe, { name: 'a', slots: [], admin: true })).toEqual([
      { field: 'admin', message: 'is not allowed' },
    ]);
  });

  it('keeps an explicitly loose object loose', () => {
    const loose = new ZodValidationPipe(z.looseObject({ a: z.string() }));
    expect(loose.transform({ a: 'x', b: 1 })).toEqual({ a: 'x', b: 1 });
  });

  it('rejects $-prefixed keys at any depth, before the schema runs', () => {
    const value = { name: 'a', slots: [{ day: 'mon', hours: 1, $gt: 1 }], $where: 'x' };
    expect(errorsOf(pipe, value)).toEqual([
      { field: 'slots[0].$gt', message: 'is not an allowed key' },
      { field: '$where', message: 'is not an allowed key' },
    ]);
  });

  it('rejects __proto__, constructor and prototype keys', () => {
    const value = JSON.parse(
      '{"name":"a","slots":[],"x":{"__proto__":{"admin":true},"constructor":{},"prototype":1}}',
    );
    const anyKeys = new ZodValidationPipe(z.unknown());
    expect(errorsOf(anyKeys, value)).toEqual([
      { field: 'x.__proto__', message: 'is not an allowed key' },
      { field: 'x.constructor', message: 'is not an allowed key' },
      { field: 'x.prototype', message: 'is not an allowed key' },
    ]);
    expect(({} as { admin?: boolean }).admin).toBeUndefined();
  });

  it('validates query objects with a null prototype', () => {
    const query = Object.assign(Object.create(null) as object, { limit: '5' });
    const queryPipe = new ZodValidationPipe(z.object({ limit: z.coerce.number() }), 'query');
    expect(queryPipe.transform(query)).toEqual({ limit: 5 });
  });
});
