import { BlockList, isIP } from 'node:net';

/**
 * Where webhooks may not point: the service's own host and the networks behind it. A tenant
 * admin must not be able to make the service call its database, the cloud metadata endpoint
 * or another internal service (server-side request forgery).
 */
const REFUSED_RANGES: readonly [string, number, 'ipv4' | 'ipv6', string][] = [
  ['0.0.0.0', 8, 'ipv4', 'this-network'],
  ['127.0.0.0', 8, 'ipv4', 'loopback'],
  ['10.0.0.0', 8, 'ipv4', 'private'],
  ['172.16.0.0', 12, 'ipv4', 'private'],
  ['192.168.0.0', 16, 'ipv4', 'private'],
  ['169.254.0.0', 16, 'ipv4', 'link-local'],
  ['::', 128, 'ipv6', 'unspecified'],
  ['::1', 128, 'ipv6', 'loopback'],
  ['fc00::', 7, 'ipv6', 'private'],
  ['fe80::', 10, 'ipv6', 'link-local'],
];

const blocks = new Map(
  [...new Set(REFUSED_RANGES.map(([, , , kind]) => kind))].map((kind) => {
    const list = new BlockList();
    for (const [network, prefix, family, k] of REFUSED_RANGES)
      if (k === kind) list.addSubnet(network, prefix, family);
    return [kind, list] as const;
  }),
);

/** `::ffff:10.0.0.1` is 10.0.0.1 on the wire: check the IPv4 address inside. */
const unmapped = (address: string): string => {
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  return mapped?.[1] ?? address;
};

/**
 * Why a webhook may not be sent to this IP address (`loopback`, `private`, `link-local`,
 * `this-network`, `unspecified`), or undefined when it may. Anything that is not an IP
 * address is refused as `not-an-address`.
 */
export function refusedAddressReason(address: string): string | undefined {
  const ip = unmapped(address.replace(/^\[|\]$/g, ''));
  const family = isIP(ip);
  if (family === 0) return 'not-an-address';
  for (const [kind, list] of blocks)
    if (list.check(ip, family === 4 ? 'ipv4' : 'ipv6')) return kind;
  return undefined;
}

/** What the URL alone says, before any name is resolved. */
export type WebhookUrlCheck =
  { ok: false; reason: string } | { ok: true; hostname: string; literalAddress: boolean };

/**
 * The URL's own rules: https only, no credentials in it, and an IP literal must not be in a
 * refused range. `allowPrivate` (development and tests) also allows http and any address.
 */
export function checkWebhookUrl(raw: string, allowPrivate: boolean): WebhookUrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: 'must be an absolute URL' };
  }
  const httpAllowed = allowPrivate && url.protocol === 'http:';
  if (url.protocol !== 'https:' && !httpAllowed) return { ok: false, reason: 'must use https' };
  if (url.username !== '' || url.password !== '')
    return { ok: false, reason: 'must not carry credentials' };
  const hostname = url.hostname.replace(/^\[|\]$/g, '');
  const literalAddress = isIP(hostname) !== 0;
  if (literalAddress && !allowPrivate) {
    const refused = refusedAddressReason(hostname);
    if (refused) return { ok: false, reason: `points to a ${refused} address` };
  }
  return { ok: true, hostname, literalAddress };
}
