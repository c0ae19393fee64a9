import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { ServiceName } from '@medmentor/testing';

type Schema = Record<string, unknown>;

export interface OperationParameter {
  readonly name: string;
  readonly in: 'path' | 'query' | 'header';
  readonly required: boolean;
  readonly schema: Schema;
}

/** One operation of one service's OpenAPI document. */
export interface Operation {
  readonly service: ServiceName;
  readonly method: string;
  readonly path: string;
  /** `METHOD /path`: the row of the isolation table under the service. */
  readonly route: string;
  /** `service METHOD /path`: unique across all documents (the same path can be in two services). */
  readonly key: string;
  readonly parameters: readonly OperationParameter[];
  /** The JSON body schema (references resolved), when the operation takes JSON. */
  readonly jsonBody?: Schema;
  readonly bodyContentTypes: readonly string[];
  /** False for routes that need no bearer token (capability links). */
  readonly authenticated: boolean;
}

const DOCS = join(__dirname, '../../../../docs/openapi');

function resolve(document: Schema, schema: unknown, depth = 0): Schema {
  if (typeof schema !== 'object' || schema === null || depth > 20) return {};
  const ref = (schema as { $ref?: string }).$ref;
  if (ref !== undefined) {
    const name = ref.split('/').pop() ?? '';
    const components = (document['components'] as { schemas?: Record<string, unknown> } | undefined)
      ?.schemas;
    return resolve(document, components?.[name], depth + 1);
  }
  return schema as Schema;
}

/** Every operation of every `docs/openapi/*.json`, so a new endpoint cannot be left out. */
export function loadOperations(): Operation[] {
  const operations: Operation[] = [];
  for (const file of readdirSync(DOCS)
    .filter((name) => name.endsWith('.json'))
    .sort()) {
    const document = JSON.parse(readFileSync(join(DOCS, file), 'utf8')) as Schema;
    const service = file.replace(/\.json$/, '') as ServiceName;
    const globalSecurity = (document['security'] as unknown[] | undefined) ?? [];
    for (const [path, item] of Object.entries(
      document['paths'] as Record<string, Record<string, Schema>>,
    )) {
      for (const [method, operation] of Object.entries(item)) {
        const content = ((operation['requestBody'] as Schema | undefined)?.['content'] ??
          {}) as Record<string, Schema>;
        const security = (operation['security'] as unknown[] | undefined) ?? globalSecurity;
        const json = content['application/json']?.['schema'];
        operations.push({
          service,
          method: method.toUpperCase(),
          path,
          route: `${method.toUpperCase()} ${path}`,
          key: `${service} ${method.toUpperCase()} ${path}`,
          parameters: ((operation['parameters'] as OperationParameter[] | undefined) ?? []).map(
            (p) => ({
              name: p.name,
              in: p.in,
              required: p.required,
              schema: resolve(document, p.schema),
            }),
          ),
          ...(json !== undefined && { jsonBody: resolve(document, json) }),
          bodyContentTypes: Object.keys(content),
          authenticated: security.length > 0,
        });
      }
    }
  }
  return operations;
}

/** The properties of an object schema, references resolved one level down. */
export function propertiesOf(schema: Schema | undefined): Record<string, Schema> {
  return (schema?.['properties'] as Record<string, Schema> | undefined) ?? {};
}

/** encodeURIComponent, except that lone surrogates go out as their (invalid) UTF-8 bytes. */
export function encodeHostile(value: string): string {
  try {
    return encodeURIComponent(value);
  } catch {
    return value
      .split('')
      .map((char) => {
        const code = char.charCodeAt(0);
        if (code < 0xd800 || code > 0xdfff) return encodeURIComponent(char);
        return `%${(0xe0 | (code >> 12)).toString(16)}%${(0x80 | ((code >> 6) & 0x3f)).toString(16)}%${(0x80 | (code & 0x3f)).toString(16)}`;
      })
      .join('');
  }
}

/** Fills `{name}` placeholders of an OpenAPI path. */
export function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/\{([^}]+)\}/g, (_match, name: string) =>
    encodeHostile(params[name] ?? 'missing'),
  );
}
