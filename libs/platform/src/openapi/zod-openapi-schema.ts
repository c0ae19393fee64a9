import type { SchemaObject } from '@nestjs/swagger';
import { z } from 'zod';

/**
 * A zod schema as an OpenAPI 3.0 schema object. `io: 'input'` describes what a client
 * sends (defaults make fields optional); `'output'` what the API returns. Types JSON
 * cannot carry (dates, transforms) become an unconstrained schema rather than failing.
 */
export function zodToOpenApiSchema(
  schema: z.ZodType,
  io: 'input' | 'output' = 'input',
): SchemaObject {
  const { $schema: _dialect, ...json } = z.toJSONSchema(schema, {
    target: 'openapi-3.0',
    io,
    unrepresentable: 'any',
  });
  return json as SchemaObject;
}

/** The properties of an object schema, for documenting query and path parameters. */
export function zodObjectProperties(
  schema: z.ZodType,
): { name: string; required: boolean; schema: SchemaObject; description?: string }[] {
  const json = zodToOpenApiSchema(schema, 'input');
  const required = new Set(json.required ?? []);
  return Object.entries(json.properties ?? {}).map(([name, property]) => {
    const description = (property as SchemaObject).description;
    return {
      name,
      required: required.has(name),
      schema: property as SchemaObject,
      ...(description !== undefined && { description }),
    };
  });
}
