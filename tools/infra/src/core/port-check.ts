import { createServer } from 'node:net';
import type { PortSetting } from './infra-config';

/** Resolves true when 127.0.0.1:port can be bound right now. */
export function isPortFree(port: number, host = '127.0.0.1'): Promise<boolean> {
  return new Promise((resolve) => {
    const server = createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host, exclusive: true }, () => {
      server.close(() => resolve(true));
    });
  });
}

export async function assertPortsFree(what: string, settings: readonly PortSetting[]): Promise<void> {
  for (const setting of settings) {
    if (!(await isPortFree(setting.port))) {
      const origin = setting.fromEnv ? `set by ${setting.envVar}` : `default; override with ${setting.envVar}`;
      throw new Error(
        `${what}: port 127.0.0.1:${setting.port} (${origin}) is already in use by another process. ` +
          `Stop that process or choose another port with ${setting.envVar}=<port>.`,
      );
    }
  }
}
