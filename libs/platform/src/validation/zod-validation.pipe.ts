import type { PipeTransform } from '@nestjs/common';
import { z } from 'zod';
import { RequestValidationError } from '../errors/domain-error';
import { zodIssuesToFieldErrors } from '../errors/zod-issues';
import { findUnsafeKeys } from './unsafe-keys';

export type RequestPart = 'body' | 'query' | 'params';

/**
 * Validates one part of the request with a zod schema and returns the parsed (typed,
 * defaulted, coerced) value. A top-level object schema is made strict unless it says
 * otherwise (`z.looseObject`); declare nested objects with `z.strictObject` to reject
 * their unknown keys too. `$` keys and prototype names are rejected at any depth.
 */
export class ZodValidationPipe<S extends z.ZodType> implements PipeTransform<unknown, z.output<S>> {
  readonly schema: z.ZodType<z.output<S>>;

  constructor(
    schema: S,
    readonly part: RequestPart = 'body',
  ) {
    this.schema = strictTopLevel(schema);
  }

  transform(value: unknown): z.output<S> {
    const unsafe = findUnsafeKeys(value);
    if (unsafe.length > 0) {
      throw new RequestValidationError(
        unsafe.map((field) => ({ field, message: 'is not an allowed key' })),
        `The request ${this.part} contains keys that are not allowed.`,
      );
    }
    const result = this.schema.safeParse(value);
    if (!result.success) {
      throw new RequestValidationError(zodIssuesToFieldErrors(result.error.issues));
    }
    return result.data;
  }
}

/** `z.object` strips unknown keys by default; the API rejects them instead. */
function strictTopLevel<S extends z.ZodType>(schema: S): z.ZodType<z.output<S>> {
  if (schema instanceof z.ZodObject && schema.def.catchall === undefined) {
    return schema.strict() as unknown as z.ZodType<z.output<S>>;
  }
  return schema as z.ZodType<z.output<S>>;
}
