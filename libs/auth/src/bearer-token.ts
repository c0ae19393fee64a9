/**
 * The token of an `Authorization: Bearer <token>` header (RFC 6750 §2.1; scheme is
 * case-insensitive), or undefined when the header is absent or of another scheme.
 */
export function extractBearerToken(
  header: string | readonly string[] | undefined,
): string | undefined {
  if (typeof header !== 'string') return undefined;
  const match = /^Bearer[ ]+([A-Za-z0-9\-._~+/]+=*)[ ]*$/i.exec(header);
  return match?.[1];
}
