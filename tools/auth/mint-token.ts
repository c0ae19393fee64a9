// Mints a development bearer token signed with the local key pair in .cache/auth/.
// DEVELOPMENT ONLY: production tokens come from the identity provider (AUTH_JWKS_URL).
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { isRole, signDevToken, tenantIdSchema, type Role } from '@medmentor/auth';
import { loadOrCreateDevKeyPair, publicKeyEnvLine } from './dev-key-store';

const USAGE = `Usage:
  npx tsx tools/auth/mint-token.ts --tenant t1 --roles org-admin,mentor [--physician p1] [--subject alice] [--ttl 1h]
  npx tsx tools/auth/mint-token.ts --roles platform-admin            (no tenant: send X-Tenant-Id)
  npx tsx tools/auth/mint-token.ts --print-public-key                (PEM for AUTH_PUBLIC_KEY)
  npx tsx tools/auth/mint-token.ts --print-env                       (AUTH_* lines for a .env file)

Options: --issuer (default $AUTH_ISSUER or ${'medmentor-dev'}), --audience (default first of
$AUTH_AUDIENCE or medmentor-api), --key-dir (default .cache/auth). --ttl takes seconds or
a span like 90s, 15m, 8h, 7d. The token goes to stdout; notes go to stderr.`;

const DEFAULT_ISSUER = 'medmentor-dev';
const DEFAULT_AUDIENCE = 'medmentor-api';

function fail(message: string): never {
  throw new UsageError(message);
}

class UsageError extends Error {}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      tenant: { type: 'string' },
      roles: { type: 'string' },
      physician: { type: 'string' },
      subject: { type: 'string' },
      ttl: { type: 'string', default: '1h' },
      issuer: { type: 'string' },
      audience: { type: 'string' },
      'key-dir': { type: 'string' },
      'print-public-key': { type: 'boolean', default: false },
      'print-env': { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    process.stdout.write(`${USAGE}\n`);
    return;
  }
  const issuer = values.issuer ?? process.env['AUTH_ISSUER'] ?? DEFAULT_ISSUER;
  const audience =
    values.audience ?? process.env['AUTH_AUDIENCE']?.split(',')[0]?.trim() ?? DEFAULT_AUDIENCE;
  const keyDir = resolve(values['key-dir'] ?? resolve(__dirname, '../../.cache/auth'));
  const keys = await loadOrCreateDevKeyPair(keyDir);
  if (keys.created) process.stderr.write(`created a development key pair in ${keyDir}\n`);
  const envLines = [
    publicKeyEnvLine(keys.publicKeyPem),
    `AUTH_ISSUER=${issuer}`,
    `AUTH_AUDIENCE=${audience}`,
  ];

  if (values['print-public-key']) {
    process.stdout.write(keys.publicKeyPem);
    return;
  }
  if (values['print-env']) {
    process.stdout.write(`${envLines.join('\n')}\n`);
    return;
  }

  const roles = parseRoles(values.roles ?? fail('--roles is required'));
  const tenantId = values.tenant;
  if (tenantId !== undefined && !tenantIdSchema.safeParse(tenantId).success) {
    fail(`--tenant "${tenantId}" is not a valid tenant id`);
  }
  if (tenantId === undefined && !roles.includes('platform-admin')) {
    fail('--tenant is required (only a platform-admin token may omit it)');
  }
  const token = await signDevToken(
    keys.privateKeyPem,
    {
      subject: values.subject ?? `dev-${values.physician ?? roles[0]}`,
      roles,
      ...(tenantId !== undefined && { tenantId }),
      ...(values.physician !== undefined && { physicianId: values.physician }),
    },
    { issuer, audience, expiresIn: parseTtl(values.ttl) },
  );
  process.stderr.write(`# services accept this token with:\n${envLines.join('\n')}\n`);
  process.stdout.write(`${token}\n`);
}

function parseRoles(list: string): Role[] {
  const roles = list
    .split(',')
    .map((r) => r.trim())
    .filter((r) => r.length > 0);
  const unknown = roles.filter((r) => !isRole(r));
  if (roles.length === 0 || unknown.length > 0) {
    fail(
      `--roles must list platform-admin, org-admin, program-admin, mentor or mentee (got: ${unknown.join(', ') || 'none'})`,
    );
  }
  return roles.filter(isRole);
}

function parseTtl(ttl: string): number | string {
  if (/^\d+$/.test(ttl)) return Number(ttl);
  if (/^\d+(s|m|h|d)$/.test(ttl)) return ttl;
  return fail(`--ttl "${ttl}" must be seconds or a span like 15m, 8h, 7d`);
}

main(process.argv.slice(2)).catch((error: unknown) => {
  const usage =
    error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
  process.stderr.write(
    `${error instanceof Error ? error.message : String(error)}\n${usage ? `\n${USAGE}\n` : ''}`,
  );
  process.exitCode = usage ? 2 : 1;
});
