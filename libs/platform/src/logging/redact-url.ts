/** Query parameters whose values are credentials (capability links, signed unsubscribe links). */
const SECRET_QUERY_PARAMS = new Set([
  'token',
  'access_token',
  'signature',
  'sig',
  'secret',
  'code',
  'key',
]);

/** Path segments followed by a credential: `/calendar-feeds/<token>`. */
const SECRET_PATH_PREFIXES = ['calendar-feeds'];

export const REDACTED = '[redacted]';

/**
 * A request URL safe to log: credentials in the query string or in a capability path are
 * replaced by `[redacted]`; everything else (ids, filters) is kept for diagnosis.
 */
export function redactUrl(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  const queryStart = url.indexOf('?');
  const path = queryStart === -1 ? url : url.slice(0, queryStart);
  const query = queryStart === -1 ? undefined : url.slice(queryStart + 1);
  const segments = path.split('/');
  for (let i = 0; i < segments.length - 1; i += 1) {
    if (SECRET_PATH_PREFIXES.includes(segments[i] ?? '') && (segments[i + 1] ?? '') !== '') {
      segments[i + 1] = REDACTED;
    }
  }
  const safePath = segments.join('/');
  if (query === undefined) return safePath;
  const safeQuery = query
    .split('&')
    .map((pair) => {
      const [name = '', ...rest] = pair.split('=');
      let decoded = name;
      try {
        decoded = decodeURIComponent(name);
      } catch {
        // keep the raw name
      }
      return SECRET_QUERY_PARAMS.has(decoded.toLowerCase()) && rest.length > 0
        ? `${name}=${REDACTED}`
        : pair;
    })
    .join('&');
  return `${safePath}?${safeQuery}`;
}
