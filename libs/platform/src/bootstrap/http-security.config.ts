import { isIP } from 'node:net';
import { z } from 'zod';
import { envInt } from '../config/env-fields';

/** Named address ranges that proxy-addr understands, besides addresses and CIDRs. */
const PROXY_RANGE_NAMES = new Set(['loopback', 'linklocal', 'uniquelocal']);

/** `https://app.example.org` style origins: scheme, host and optional port, nothing else. */
function isOrigin(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.origin === value;
  } catch {
    return false;
  }
}

function isProxyRange(value: string): boolean {
  if (PROXY_RANGE_NAMES.has(value)) return true;
  const [address, bits, ...rest] = value.split('/');
  if (rest.length > 0 || address === undefined || isIP(address) === 0) return false;
  if (bits === undefined) return true;
  const max = isIP(address) === 4 ? 32 : 128;
  return /^\d{1,3}$/.test(bits) && Number(bits) <= max;
}

/** A comma-separated list whose entries must all pass `valid`; blank means empty. */
function envList(valid: (entry: string) => boolean, what: string, fallback: readonly string[]) {
  return z
    .string()
    .transform((value, ctx) => {
      const entries = value
        .split(',')
        .map((part) => part.trim())
        .filter((part) => part.length > 0);
      const bad = entries.filter((entry) => !valid(entry));
      if (bad.length > 0) {
        ctx.addIssue({
          code: 'custom',
          message: `must be a comma-separated list of ${what} (bad entries: ${bad.map((b) => JSON.stringify(b)).join(', ')})`,
        });
        return z.NEVER;
      }
      return entries;
    })
    .default([...fallback]);
}

/**
 * HTTP abuse limits, timeouts, CORS and proxy trust. Read from the environment by
 * `bootstrapService` at boot (a bad value exits 1 naming the variable), on top of the
 * service's own configuration.
 */
export const httpSecurityConfigSchema = z.object({
  /** Requests per client and window; 0 turns rate limiting off. */
  HTTP_RATE_LIMIT_MAX: envInt(1000, { min: 0, max: 1_000_000 }),
  HTTP_RATE_LIMIT_WINDOW_MS: envInt(60_000, { min: 1000, max: 3_600_000 }),
  /** Time allowed to receive a whole request (headers and body): slow senders get 408. */
  HTTP_REQUEST_TIMEOUT_MS: envInt(30_000, { min: 1000, max: 600_000 }),
  /** Time allowed to receive the headers; capped by the request timeout. */
  HTTP_HEADERS_TIMEOUT_MS: envInt(15_000, { min: 1000, max: 600_000 }),
  /** A socket with no activity for this long is closed. */
  HTTP_CONNECTION_TIMEOUT_MS: envInt(120_000, { min: 1000, max: 3_600_000 }),
  /** Idle keep-alive sockets; keep above the load balancer's idle timeout (often 60 s). */
  HTTP_KEEP_ALIVE_TIMEOUT_MS: envInt(72_000, { min: 1000, max: 600_000 }),
  /** Browser origins allowed to call the API; empty (the default) allows no cross-origin call. */
  HTTP_CORS_ORIGINS: envList(isOrigin, 'origins such as https://app.example.org', []),
  /**
   * Proxies whose X-Forwarded-For is believed (addresses, CIDRs, or loopback, linklocal,
   * uniquelocal). Anything else in the header is ignored, so clients cannot pick their IP.
   */
  HTTP_TRUSTED_PROXIES: envList(isProxyRange, 'IP addresses, CIDRs or range names', [
    'loopback',
    'linklocal',
    'uniquelocal',
  ]),
});

export type HttpSecurityConfig = z.output<typeof httpSecurityConfigSchema>;

/** The variables this schema reads, for documentation and tests. */
export const HTTP_SECURITY_VARIABLES = Object.keys(httpSecurityConfigSchema.shape);
