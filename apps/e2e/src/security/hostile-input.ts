import fc from 'fast-check';
import { encodeHostile, propertiesOf, type Operation } from './openapi-operations';

/** Values meant to reach a database query or an object merge as operators or prototypes. */
const INJECTIONS: unknown[] = [
  { $gt: '' },
  { $ne: null },
  { $where: 'sleep(1000)' },
  { $regex: '.*' },
  [{ $gt: '' }],
  JSON.parse('{"__proto__":{"polluted":true}}'),
  { constructor: { prototype: { polluted: true } } },
];

/** Strings that break naive handling: control characters, lone surrogates, direction marks. */
export const UNICODE_EDGES: string[] = [
  '\u0000',
  '\ud800',
  '\udfff',
  '\u202e\u202dgnp.exe',
  '\u200b\u200c\u200d\ufeff',
  'e\u0301\u0301\u0301',
  '🩺'.repeat(50),
  '\\u0000',
  '../../../etc/passwd',
  '%00%2e%2e%2f',
  "' OR 1=1 --",
  '{"$gt":""}',
  'x'.repeat(5000),
];

/** A value of the wrong type for a property of `schema` (never one the schema accepts). */
function wrongTypeFor(schema: Record<string, unknown>): fc.Arbitrary<unknown> {
  const type = schema['type'];
  const choices: fc.Arbitrary<unknown>[] = [fc.constantFrom(...INJECTIONS)];
  if (type !== 'string') choices.push(fc.constantFrom(...UNICODE_EDGES));
  if (type !== 'number' && type !== 'integer') choices.push(fc.constantFrom(1e308, -1, 0.5));
  if (type !== 'boolean') choices.push(fc.boolean());
  if (type !== 'array') choices.push(fc.constant(['a', { $gt: '' }]));
  return fc.oneof(...choices);
}

export type HostileBody =
  { kind: 'json'; value: unknown } | { kind: 'raw'; text: string; contentType: string };

/** A JSON body that is wrong in one way: a hostile property, an unsafe key, the wrong shape. */
export function hostileBody(operation: Operation): fc.Arbitrary<HostileBody> {
  const properties = Object.entries(propertiesOf(operation.jsonBody));
  const json = (value: unknown): HostileBody => ({ kind: 'json', value });
  const raw = (text: string, contentType = 'application/json'): HostileBody => ({
    kind: 'raw',
    text,
    contentType,
  });
  const arbitraries: fc.Arbitrary<HostileBody>[] = [
    fc.constantFrom(...INJECTIONS).map((value) => json({ filter: value })),
    fc
      .constantFrom('__proto__', 'constructor', '$where', 'a.$gt')
      .map((key) => raw(`{"${key}":{"polluted":true,"admin":true}}`)),
    fc.constantFrom<unknown>([], 'text', 42, null, true, [{ $gt: '' }]).map(json),
    fc
      .constantFrom('{"a":', '{"a":1}}', '\ud800', '\u0000{}', '{"a":"\\ud800"}x', '')
      .map((text) => raw(text)),
    fc.constant(raw(`{"a":"${'x'.repeat(2 * 1024 * 1024)}"}`)),
    fc.constant(raw('<xml/>', 'application/xml')),
  ];
  if (properties.length > 0) {
    arbitraries.push(
      fc
        .constantFrom(...properties)
        .chain(([name, schema]) => wrongTypeFor(schema).map((value) => json({ [name]: value }))),
    );
  }
  return fc.oneof(...arbitraries);
}

/** Query strings with operator syntax, unknown keys, oversize or unicode values. */
export function hostileQuery(operation: Operation): fc.Arbitrary<string> {
  const names = operation.parameters.filter((p) => p.in === 'query').map((p) => p.name);
  const name = names.length > 0 ? fc.constantFrom(...names) : fc.constant('limit');
  return fc.oneof(
    name.map((n) => `${n}[$gt]=`),
    name.map((n) => `${n}[$ne]=x&${n}=1`),
    name.chain((n) => fc.constantFrom(...UNICODE_EDGES).map((v) => `${n}=${encodeHostile(v)}`)),
    fc.constantFrom(
      'limit=1e309',
      'limit=-1',
      'limit=101',
      'limit=0x10',
      'cursor=%00',
      'cursor=eyJ4IjoxfQ',
      '__proto__[admin]=1',
      'constructor[prototype][x]=1',
      'tenantId=other',
    ),
  );
}

/** A path parameter value meant to escape its segment or reach a query as an operator. */
export const hostileParam = (): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...UNICODE_EDGES),
    fc.constantFrom(
      '{"$gt":""}',
      '[$ne]',
      '..',
      '.',
      '%2e%2e',
      'null',
      'undefined',
      '0',
      '-1',
      '9'.repeat(400),
    ),
  );
