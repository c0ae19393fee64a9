import { ENV_VARS, parseSmtpUrl } from '../core/env-overrides';
import type { InfraConfig } from '../core/infra-config';
import type { Output } from '../core/output';
import { readState } from '../core/state-file';
import { storedMessageSchema, type StoredMessage } from '../smtp/message-store';
import { sendMail } from '../smtp/smtp-client';

function smtpEnv(config: InfraConfig, env: NodeJS.ProcessEnv): Record<string, string> {
  const fromState = readState(config.stateFile)?.components.smtp?.env ?? {};
  const pick = (name: string): Record<string, string> => {
    const value = fromState[name] ?? env[name];
    return value ? { [name]: value } : {};
  };
  return { ...pick(ENV_VARS.smtp), ...pick(ENV_VARS.smtpApi) };
}

function apiUrl(config: InfraConfig, env: NodeJS.ProcessEnv): string {
  const url = smtpEnv(config, env)[ENV_VARS.smtpApi];
  if (!url) throw new Error(`no SMTP mailbox API: run \`up\` first (or set ${ENV_VARS.smtpApi})`);
  return url;
}

async function call(url: URL, init: RequestInit = {}): Promise<unknown> {
  const response = await fetch(url, { ...init, signal: AbortSignal.timeout(5_000) });
  const body = await response.text();
  if (!response.ok) throw new Error(`${init.method ?? 'GET'} ${url.href} answered ${response.status}: ${body}`);
  return JSON.parse(body) as unknown;
}

export function formatMessages(messages: readonly StoredMessage[]): string[] {
  if (messages.length === 0) return ['no messages'];
  return messages.map((m) => `${m.id}  ${m.date}  from ${m.from || '<>'}  to ${m.to.join(', ')}  "${m.subject}"  ${m.size} B`);
}

export async function listMessages(config: InfraConfig, json: boolean, out: Output, env = process.env): Promise<void> {
  const messages = storedMessageSchema.array().parse(await call(new URL('/messages', apiUrl(config, env))));
  if (json) out.data(JSON.stringify(messages, null, 2));
  else formatMessages(messages).forEach((line) => out.data(line));
}

export async function clearMessages(config: InfraConfig, out: Output, env = process.env): Promise<void> {
  const result = (await call(new URL('/messages', apiUrl(config, env)), { method: 'DELETE' })) as { deleted?: number };
  out.info(`deleted ${String(result.deleted ?? 0)} message(s)`);
}

export interface SendOptions {
  from: string;
  to: string[];
  subject: string;
  text: string;
}

/** Sends a plain-text mail to the infra's SMTP server (for trying things out). */
export async function sendTestMail(config: InfraConfig, options: SendOptions, out: Output, env = process.env): Promise<void> {
  const url = smtpEnv(config, env)[ENV_VARS.smtp];
  if (!url) throw new Error(`no SMTP server: run \`up\` first (or set ${ENV_VARS.smtp})`);
  const { host, port } = parseSmtpUrl(url);
  const reply = await sendMail({ host, port, ...options });
  out.info(`sent: ${reply}`);
}
