// Steps of a program's cycle over the public APIs, shared by the suites that play one.
import { randomBytes } from 'node:crypto';
import { waitFor } from '@medmentor/testing';
import { physicianBody } from './security/tenant-fixtures';
import { api, type Stack } from './stack';

export type Reply = Awaited<ReturnType<typeof api>>;

/** Deadline for asynchronous effects (events through Kafka) on a busy shared machine. */
export const EVENTUAL = { timeoutMs: 60_000, intervalMs: 250 };

export const iso = (msFromNow: number): string => new Date(Date.now() + msFromNow).toISOString();
export const DAY_MS = 86_400_000;

/** Fails with the whole answer when the status is not the expected one. */
export const expectStatus = (reply: Reply, status: number, what: string): Reply['body'] => {
  if (reply.status !== status)
    throw new Error(
      `${what}: expected ${status}, got ${reply.status} ${JSON.stringify(reply.body)}`,
    );
  return reply.body;
};

/** Registers a tenant as the platform admin; returns its id. */
export const registerTenant = async (
  stack: Stack,
  kind: 'health-system' | 'specialty-society',
  name: string,
): Promise<string> => {
  const slug = `${name.toLowerCase().replace(/[^a-z0-9]+/g, '-')}-${randomBytes(3).toString('hex')}`;
  const reply = await api(`${stack.services.profiles.url}/api/v1/tenants`, {
    method: 'POST',
    token: await stack.platformAdminToken(),
    body: { name, slug, kind },
  });
  return expectStatus(reply, 201, `tenant ${name}`)['id'] as string;
};

/** A physician made by an admin, with a unique marker in every personal field. */
export interface Physician {
  id: string;
  marker: string;
  email: string;
  phone: string;
  npi: string;
}

export const createPhysician = async (
  stack: Stack,
  adminToken: string,
  label: string,
  fields: Record<string, unknown> = {},
): Promise<Physician> => {
  const marker = `${label}${randomBytes(4).toString('hex')}`;
  const phone = `+1555${String(Math.floor(1_000_000 + Math.random() * 8_999_999))}`;
  const body = { ...physicianBody(marker, phone), ...fields };
  const reply = await api(`${stack.services.profiles.url}/api/v1/physicians`, {
    method: 'POST',
    token: adminToken,
    body,
  });
  const created = expectStatus(reply, 201, `physician ${label}`);
  return { id: created['id'] as string, marker, email: body.email, phone, npi: body.npi };
};

/** Queues a match run, waits for it to complete, and returns the run. */
export const completedRun = async (
  stack: Stack,
  adminToken: string,
  programId: string,
  options: Record<string, unknown> = {},
): Promise<Record<string, unknown>> => {
  const matching = stack.services.matching.url;
  const started = await api(`${matching}/api/v1/programs/${programId}/match-runs`, {
    method: 'POST',
    token: adminToken,
    body: options,
  });
  const runId = expectStatus(started, 202, 'match run')['runId'] as string;
  return waitFor(
    async () => {
      const run = await api(`${matching}/api/v1/match-runs/${runId}`, { token: adminToken });
      if (run.body['status'] === 'failed')
        throw new Error(`run failed: ${JSON.stringify(run.body)}`);
      return run.body['status'] === 'completed' ? run.body : undefined;
    },
    { ...EVENTUAL, description: `match run ${runId}` },
  );
};
