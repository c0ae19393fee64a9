import { join } from 'node:path';
import type { ComponentDriver, DriverContext, Provisioned } from '../core/component-driver';
import { ENV_VARS } from '../core/env-overrides';
import { freshDir } from '../core/fresh-dir';
import type { InfraConfig } from '../core/infra-config';
import { probeSmtp } from './smtp-probe';

export function smtpMessagesDir(cacheDir: string): string {
  return join(cacheDir, 'smtp', 'messages');
}

export const smtpDriver: ComponentDriver = {
  name: 'smtp',
  title: 'SMTP',
  portEnvVars: { smtp: 'INFRA_SMTP_PORT', api: 'INFRA_SMTP_API_PORT' },
  readyTimeoutMs: 30_000,
  stopTimeoutMs: 5_000,

  // Our own code, run from the work tree through tsx: nothing to download.
  async prepare() {
    return { cached: true, ms: 0 };
  },

  portSettings(config: InfraConfig) {
    return [config.ports.smtp, config.ports.smtpApi];
  },

  async provision(ctx: DriverContext): Promise<Provisioned> {
    const { config } = ctx;
    const dataDir = freshDir(join(config.cacheDir, 'smtp'));
    const messages = smtpMessagesDir(config.cacheDir);
    const logFile = join(dataDir, 'smtp.log');
    const smtpPort = config.ports.smtp.port;
    const apiPort = config.ports.smtpApi.port;
    return {
      spec: {
        command: process.execPath,
        args: [
          '--import',
          'tsx',
          join(__dirname, 'smtp-main.ts'),
          '--smtp-port',
          String(smtpPort),
          '--api-port',
          String(apiPort),
          '--dir',
          messages,
        ],
        // tsx is resolved from the workspace's node_modules.
        cwd: config.repoRoot,
        logFile,
      },
      marker: messages,
      env: {
        [ENV_VARS.smtp]: `smtp://127.0.0.1:${smtpPort}`,
        [ENV_VARS.smtpApi]: `http://127.0.0.1:${apiPort}`,
      },
      ports: { smtp: smtpPort, api: apiPort },
      dataDir,
      logFiles: [logFile],
      setupMs: 0,
    };
  },

  async probe(env) {
    await probeSmtp(env);
  },

  externalEnv(value, env) {
    const result: Record<string, string> = { [ENV_VARS.smtp]: value };
    const api = env[ENV_VARS.smtpApi];
    if (api && api.trim() !== '') result[ENV_VARS.smtpApi] = api.trim();
    return result;
  },

  describe(env) {
    const api = env[ENV_VARS.smtpApi];
    return `${ENV_VARS.smtp}=${env[ENV_VARS.smtp] ?? '?'}${api ? `, ${ENV_VARS.smtpApi}=${api}` : ''}`;
  },
};
