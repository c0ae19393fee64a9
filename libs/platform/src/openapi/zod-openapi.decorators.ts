import { applyDecorators } from '@nestjs/common';
import { ApiBody, ApiParam, ApiQuery, ApiResponse } from '@nestjs/swagger';
import type { z } from 'zod';
import { zodObjectProperties, zodToOpenApiSchema } from './zod-openapi-schema';

/** Documents the request body with a zod schema (what the client sends). */
export const ApiZodBody = (schema: z.ZodType, description?: string): MethodDecorator =>
  ApiBody({
    schema: zodToOpenApiSchema(schema, 'input'),
    required: true,
    ...(description && { description }),
  });

/** Documents a response with a zod schema (what the API returns). */
export const ApiZodResponse = (
  status: number,
  schema: z.ZodType,
  description = '',
): MethodDecorator & ClassDecorator =>
  ApiResponse({ status, description, schema: zodToOpenApiSchema(schema, 'output') });

/** Documents each property of an object schema as a query parameter. */
export const ApiZodQuery = (schema: z.ZodType): MethodDecorator =>
  applyDecorators(...zodObjectProperties(schema).map((p) => ApiQuery({ ...p })));

/** Documents each property of an object schema as a path parameter. */
export const ApiZodParams = (schema: z.ZodType): MethodDecorator =>
  applyDecorators(...zodObjectProperties(schema).map((p) => ApiParam({ ...p, required: true })));
