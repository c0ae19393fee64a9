import { Body, Param, Query } from '@nestjs/common';
import type { z } from 'zod';
import { ApiZodBody, ApiZodParams, ApiZodQuery } from '../openapi/zod-openapi.decorators';
import { ZodValidationPipe } from './zod-validation.pipe';

// Each decorator validates one part of the request with its zod schema and documents it in
// OpenAPI from the same schema. Type the parameter from the schema:
//   create(@ZodBody(CreateEnrollment) body: z.output<typeof CreateEnrollment>)

/** The validated request body. */
export const ZodBody = (schema: z.ZodType): ParameterDecorator =>
  withDocs(Body(new ZodValidationPipe(schema, 'body')), ApiZodBody(schema));

/** The validated query string, as an object (use `z.coerce` for numbers and booleans). */
export const ZodQuery = (schema: z.ZodType): ParameterDecorator =>
  withDocs(Query(new ZodValidationPipe(schema, 'query')), ApiZodQuery(schema));

/** The validated path parameters, as an object. */
export const ZodParams = (schema: z.ZodType): ParameterDecorator =>
  withDocs(Param(new ZodValidationPipe(schema, 'params')), ApiZodParams(schema));

/** Applies a parameter decorator and, on the same method, a documentation decorator. */
function withDocs(parameter: ParameterDecorator, docs: MethodDecorator): ParameterDecorator {
  return (target, propertyKey, index) => {
    parameter(target, propertyKey, index);
    if (propertyKey === undefined) return; // a constructor parameter: nothing to document
    const descriptor = Object.getOwnPropertyDescriptor(target, propertyKey);
    if (descriptor !== undefined) docs(target, propertyKey, descriptor);
  };
}
