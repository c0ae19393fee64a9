// Static checks of docker/: no Docker engine runs on the project's machines, so this reads
// docker-compose.yml and the Dockerfile as text and checks what they promise.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { parse } from 'yaml';
import { parseDockerfile, type Instruction } from './dockerfile';

const root = resolve(__dirname, '../..');
const composePath = join(root, 'docker/docker-compose.yml');
const dockerfilePath = join(root, 'docker/Dockerfile');

type KeyValues = Record<string, string | number | boolean | null> | string[];
interface Service {
  image?: string;
  build?: string | { context?: string; dockerfile?: string; args?: KeyValues };
  environment?: KeyValues;
  ports?: (string | number | { host_ip?: string; target?: number | string })[];
  depends_on?: string[] | Record<string, { condition?: string }>;
  healthcheck?: { test?: string | string[]; disable?: boolean };
}

const compose = parse(readFileSync(composePath, 'utf8'), { merge: true }) as {
  services: Record<string, Service>;
};
const services = Object.entries(compose.services);

/** Compose accepts `KEY: value` maps and `KEY=value` lists for environment and build args. */
const toMap = (values: KeyValues = {}): Record<string, string> =>
  Array.isArray(values)
    ? Object.fromEntries(
        values.map((entry) => [entry.split('=')[0], entry.split('=').slice(1).join('=')]),
      )
    : Object.fromEntries(Object.entries(values).map(([key, value]) => [key, String(value ?? '')]));

const dockerfileOf = ({ build }: Service): string | undefined => {
  if (build === undefined) return undefined;
  const context = resolve(
    dirname(composePath),
    typeof build === 'string' ? build : (build.context ?? '.'),
  );
  return resolve(
    context,
    typeof build === 'string' ? 'Dockerfile' : (build.dockerfile ?? 'Dockerfile'),
  );
};
const appServices = services.filter(([, service]) => dockerfileOf(service) === dockerfilePath);
const buildArgs = (service: Service) =>
  typeof service.build === 'object' ? toMap(service.build.args) : ({} as Record<string, string>);
const env = (service: Service) => toMap(service.environment);

/** `[ip:][host:]container[/proto]` with `${VAR:-default}` parts treated as one field. */
const portFields = (port: string) =>
  port
    .replace(/\$\{[^}]*\}/g, 'VAR')
    .split('/')[0]
    .split(':');

describe('docker/docker-compose.yml', () => {
  it('builds at least one service from docker/Dockerfile', () => {
    expect(appServices.length).toBeGreaterThan(0);
  });

  it.each(appServices)('%s names an existing apps/<SERVICE>/src/main.ts', (_name, service) => {
    const { SERVICE } = buildArgs(service);
    expect(SERVICE).toMatch(/^[a-z0-9-]+$/);
    expect(existsSync(join(root, 'apps', SERVICE, 'src/main.ts'))).toBe(true);
  });

  it('has a service for every app under apps/ (e2e suites aside)', () => {
    const apps = readdirSync(join(root, 'apps'), { withFileTypes: true })
      .filter(
        (entry) => entry.isDirectory() && entry.name !== 'e2e' && !entry.name.endsWith('-e2e'),
      )
      .map((entry) => entry.name);
    const built = appServices.map(([, service]) => buildArgs(service).SERVICE);
    expect(built.sort()).toEqual(expect.arrayContaining(apps.sort()));
  });

  it.each(appServices)(
    '%s gets the database, the broker and one auth key source',
    (_name, service) => {
      const vars = env(service);
      for (const key of ['MONGODB_URI', 'KAFKA_BROKERS', 'AUTH_ISSUER', 'AUTH_AUDIENCE']) {
        expect({ key, value: vars[key] ?? '' }).toEqual({
          key,
          value: expect.stringMatching(/\S/),
        });
      }
      // A database name in the URI would fight MONGODB_DATABASE, which names each service's own.
      expect(vars['MONGODB_URI']).toMatch(/^mongodb(\+srv)?:\/\/[^/]+\/?(\?.*)?$/);
      expect(vars['KAFKA_BROKERS']).toMatch(/^[\w.-]+:\d+(,[\w.-]+:\d+)*$/);
      const keySources = ['AUTH_PUBLIC_KEY', 'AUTH_JWKS_URL'].filter(
        (key) => (vars[key] ?? '') !== '',
      );
      expect(keySources).toHaveLength(1);
    },
  );

  it.each(appServices)('%s listens, publishes and is built for the same PORT', (_name, service) => {
    const port = env(service)['PORT'];
    expect(port).toMatch(/^\d+$/);
    expect(buildArgs(service)['PORT']).toBe(port);
    const targets = (service.ports ?? []).map((p) =>
      typeof p === 'object' ? String(p.target) : portFields(String(p)).at(-1),
    );
    expect(targets).toContain(port);
  });

  it('publishes ports on 127.0.0.1 only', () => {
    for (const [name, service] of services) {
      for (const port of service.ports ?? []) {
        const hostIp = typeof port === 'object' ? port.host_ip : portFields(String(port))[0];
        const fields = typeof port === 'object' ? 3 : portFields(String(port)).length;
        expect({ name, port, hostIp, fields }).toEqual({
          name,
          port,
          hostIp: '127.0.0.1',
          fields: 3,
        });
      }
    }
  });

  it('starts each service only after what it depends on is healthy', () => {
    for (const [name, service] of appServices) {
      expect({ name, deps: Object.keys(service.depends_on ?? {}) }).toEqual({
        name,
        deps: expect.arrayContaining(['mongo', 'kafka']),
      });
    }
    for (const [name, service] of services) {
      if (service.depends_on === undefined) continue;
      expect(Array.isArray(service.depends_on)).toBe(false); // the short form waits for nothing
      for (const [dep, { condition }] of Object.entries(service.depends_on)) {
        expect({ name, dep, condition }).toEqual({ name, dep, condition: 'service_healthy' });
        expect(compose.services[dep]?.healthcheck?.test).toBeDefined();
      }
    }
  });

  it('runs real MongoDB and single-node KRaft Kafka, both with healthchecks', () => {
    const { mongo, kafka } = compose.services;
    expect(mongo?.image).toMatch(/^mongo:[78](\.|$)/);
    expect(kafka?.image).toMatch(/^apache\/kafka:3\.9\.\d+$/);
    for (const service of [mongo, kafka]) {
      expect(service?.healthcheck?.disable).not.toBe(true);
      expect(service?.healthcheck?.test?.length).toBeGreaterThan(0);
    }
    const kafkaEnv = env(kafka ?? {});
    expect(kafkaEnv['KAFKA_PROCESS_ROLES']).toBe('broker,controller');
    expect(kafkaEnv['KAFKA_ADVERTISED_LISTENERS']).toContain('PLAINTEXT://kafka:9092');
    expect(kafkaEnv['KAFKA_AUTO_CREATE_TOPICS_ENABLE']).toBe('false');
    expect(kafkaEnv['KAFKA_OFFSETS_TOPIC_REPLICATION_FACTOR']).toBe('1');
    expect(kafkaEnv['KAFKA_TRANSACTION_STATE_LOG_REPLICATION_FACTOR']).toBe('1');
  });

  it('points notifications at the SMTP catcher in the same file', () => {
    const smtpUrl = new URL(env(compose.services['notifications'] ?? {})['SMTP_URL'] ?? '');
    expect(smtpUrl.protocol).toBe('smtp:');
    expect(Object.keys(compose.services)).toContain(smtpUrl.hostname);
  });
});

describe('docker/Dockerfile', () => {
  const { stages } = parseDockerfile(readFileSync(dockerfilePath, 'utf8'));
  const final = stages.at(-1);
  const finalOf = (name: string): Instruction[] =>
    final?.instructions.filter((i) => i.instruction === name) ?? [];
  const finalRuns = finalOf('RUN').map((i) => i.args);

  it('has a build stage and a runtime stage on Node 22', () => {
    expect(stages.length).toBeGreaterThanOrEqual(2);
    const names = stages.map((stage) => stage.name);
    for (const stage of stages) {
      if (names.includes(stage.base)) continue; // FROM an earlier stage
      expect(stage.base).toMatch(/^(docker\.io\/)?(library\/)?node:22([.-]|$)/);
    }
  });

  it('runs the final stage as the non-root node user', () => {
    expect(finalOf('USER').at(-1)?.args).toBe('node');
  });

  it('installs production dependencies only in the final stage', () => {
    expect(finalRuns.some((run) => /\bnpm ci\b.*--omit=dev/.test(run))).toBe(true);
    for (const run of finalRuns) {
      expect(run).not.toMatch(
        /\bnpm (install|i|add)\b|--include=dev|--production=false|\btsx\b|@swc\/core/,
      );
      if (/\bnpm ci\b/.test(run)) expect(run).toContain('--omit=dev');
    }
  });

  it('checks health against /health/live and starts with an exec-form node CMD', () => {
    const [healthcheck] = finalOf('HEALTHCHECK');
    expect(healthcheck?.args).toMatch(/CMD .*fetch\(.*\/health\/live/);
    const cmd = JSON.parse(finalOf('CMD').at(-1)?.args ?? 'null') as unknown;
    expect(Array.isArray(cmd) && cmd[0] === 'node').toBe(true);
    // An exec-form CMD expands no variables: `${SERVICE}` would reach node as it is.
    expect(JSON.stringify(cmd)).not.toContain('$');
  });

  it('runs in production mode, exposes the port and stops on SIGTERM', () => {
    expect(
      finalOf('ENV')
        .map((i) => i.args)
        .join(' '),
    ).toMatch(/\bNODE_ENV=production\b/);
    expect(finalOf('EXPOSE')).not.toHaveLength(0);
    expect(finalOf('STOPSIGNAL').at(-1)?.args).toBe('SIGTERM');
  });

  it('keeps secrets and build output out of the build context', () => {
    const ignored = readFileSync(join(root, '.dockerignore'), 'utf8')
      .split('\n')
      .map((l) => l.trim());
    for (const entry of ['**/node_modules', '.cache', '**/.env', 'dist', '.git', '.nx']) {
      expect(ignored).toContain(entry);
    }
  });
});
