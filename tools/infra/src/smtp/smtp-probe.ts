import { ENV_VARS, parseSmtpUrl } from '../core/env-overrides';
import { probeSmtpGreeting } from './smtp-client';

export async function probeHttpHealth(apiUrl: string, timeoutMs = 2_000): Promise<void> {
  const response = await fetch(new URL('/health', apiUrl), {
    signal: AbortSignal.timeout(timeoutMs),
  });
  await response.arrayBuffer();
  if (response.status !== 200) throw new Error(`GET ${apiUrl}/health answered ${response.status}`);
}

/** The SMTP greeting, and the mailbox API's /health when its URL is known. */
export async function probeSmtp(env: Record<string, string>): Promise<void> {
  const apiUrl = env[ENV_VARS.smtpApi];
  if (apiUrl) await probeHttpHealth(apiUrl);
  const { host, port } = parseSmtpUrl(env[ENV_VARS.smtp] ?? '');
  await probeSmtpGreeting(host, port);
}
