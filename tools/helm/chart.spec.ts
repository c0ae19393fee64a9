// The Helm chart, checked without a cluster: helm (built with Go into .cache/helm) lints it and
// renders it with several value sets, and the rendered manifests are parsed and checked
// against what the services need (docs/operations.md, README.md's configuration table).
import { execFile } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { allTopics, deadLetterTopicOf } from '@medmentor/contracts';
import { findRepoRoot } from '../infra/src/core/repo-root';
import { ensureHelm, helmEnv, HELM_VERSION } from './helm-binary';
import { ensureKubeCheck, kubeCheck } from './kube-check';
import {
  containerEnv,
  imageTag,
  type Container,
  type K8sObject,
  parseManifests,
  podSpecOf,
  readmeConfigVariables,
  readmeServiceVariables,
  REQUIRED_TEST_VALUES,
  secretFileAt,
  selects,
} from './manifests';

// Each test runs helm once or twice (1 to 3 s alone); with the whole tools suite running in
// parallel on a loaded 2-core machine one call has taken over 10 s, jest's default. helm's
// own calls are bounded at 60 s (runHelm).
jest.setTimeout(120_000);

const repoRoot = findRepoRoot(__dirname);
const chartDir = join(repoRoot, 'deploy', 'helm', 'medmentor');
const exampleValues = join(chartDir, 'values-strimzi-managed-mongo.yaml');
const RELEASE = 'mm';
const NAMESPACE = 'medmentor';
const SERVICES = ['profiles', 'matching', 'scheduling', 'notifications'] as const;
type ServiceName = (typeof SERVICES)[number];
const PORTS: Record<ServiceName, number> = {
  profiles: 3001,
  matching: 3002,
  scheduling: 3003,
  notifications: 3004,
};
/** Variables that must come from a Secret, never from a ConfigMap. */
const SECRET_VARIABLES = ['MONGODB_URI', 'AUTH_PUBLIC_KEY'];
/** Variables of a single service (README's Service table) that must come from a Secret. */
const SERVICE_SECRET_VARIABLES = [
  'SMTP_URL',
  'NOTIFICATIONS_UNSUBSCRIBE_SECRET',
  'NOTIFICATIONS_SECRET_KEY',
];
/** Variables rendered only when their feature is configured (kafka.tls, kafka.sasl); the password only ever as a file. */
const OPTIONAL_VARIABLES = [
  'KAFKA_SSL_CA_FILE',
  'KAFKA_SSL_CERT_FILE',
  'KAFKA_SSL_KEY_FILE',
  'KAFKA_SASL_MECHANISM',
  'KAFKA_SASL_USERNAME',
  'KAFKA_SASL_PASSWORD',
  'KAFKA_SASL_PASSWORD_FILE',
];
/** Files the chart mounts for Kafka, by the variable that points at them. */
const KAFKA_FILE_VARIABLES = [
  'KAFKA_SSL_CA_FILE',
  'KAFKA_SSL_CERT_FILE',
  'KAFKA_SSL_KEY_FILE',
  'KAFKA_SASL_PASSWORD_FILE',
];
const SCHEMA_ERROR = "values don't meet the specifications of the schema";

const chart = parseYaml(readFileSync(join(chartDir, 'Chart.yaml'), 'utf8')) as {
  appVersion: string;
  version: string;
};
const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
const readmeVariables = readmeConfigVariables(readme);
/** Settings for test runs only, which a deployment never sets (the image runs with NODE_ENV=production, which refuses them). */
const TEST_ONLY_VARIABLES = ['SCHEDULING_CLOCK_START', 'NODE_ENV'];
const serviceVariables = readmeServiceVariables(readme).filter(
  (v) => !TEST_ONLY_VARIABLES.includes(v.variable),
);
const name = (service: string) => `${RELEASE}-medmentor-${service}`;

interface HelmResult {
  code: number;
  stdout: string;
  stderr: string;
}

let helm = '';

function runHelm(args: readonly string[]): Promise<HelmResult> {
  return new Promise((resolve, reject) => {
    execFile(
      helm,
      [...args],
      { cwd: repoRoot, env: helmEnv(repoRoot), maxBuffer: 64 * 1024 * 1024, timeout: 60_000 },
      (error, stdout, stderr) => {
        if (error && typeof error.code !== 'number') {
          reject(new Error(`helm ${args.join(' ')} could not run: ${error.message}`));
          return;
        }
        resolve({ code: error ? Number(error.code) : 0, stdout, stderr });
      },
    );
  });
}

async function renderText(args: readonly string[]): Promise<string> {
  const result = await runHelm(['template', RELEASE, chartDir, '--namespace', NAMESPACE, ...args]);
  if (result.code !== 0)
    throw new Error(`helm template ${args.join(' ')} failed:\n${result.stderr}`);
  return result.stdout;
}

async function render(args: readonly string[]): Promise<K8sObject[]> {
  return parseManifests(await renderText(args));
}

interface Scenario {
  title: string;
  args: string[];
  enabled: ServiceName[];
  keda: ServiceName[];
  serviceMonitor: boolean;
  provisioner: 'job' | 'strimzi' | 'service';
}

const scenarios: Scenario[] = [
  {
    title: 'default values',
    args: [...REQUIRED_TEST_VALUES],
    enabled: [...SERVICES],
    keda: [],
    serviceMonitor: false,
    provisioner: 'job',
  },
  {
    title: 'the Strimzi + managed MongoDB example',
    args: ['-f', exampleValues],
    enabled: [...SERVICES],
    keda: ['notifications'],
    serviceMonitor: true,
    provisioner: 'strimzi',
  },
  {
    title: 'one service disabled, KEDA and ServiceMonitor on, topics by the services',
    args: [
      ...REQUIRED_TEST_VALUES,
      '--set',
      'services.matching.enabled=false',
      '--set',
      'services.notifications.keda.enabled=true',
      '--set',
      'serviceMonitor.enabled=true',
      '--set',
      'topics.provisioner=service',
    ],
    enabled: ['profiles', 'scheduling', 'notifications'],
    keda: ['notifications'],
    serviceMonitor: true,
    provisioner: 'service',
  },
  {
    title: 'Kafka over mutual TLS for the services and the topic Job',
    args: [
      ...REQUIRED_TEST_VALUES,
      '--set',
      'kafka.tls.enabled=true',
      '--set',
      'kafka.tls.caSecret.name=kafka-ca',
      '--set',
      'kafka.tls.clientSecret.name=medmentor-user',
    ],
    enabled: [...SERVICES],
    keda: [],
    serviceMonitor: false,
    provisioner: 'job',
  },
];

const rendered = new Map<string, K8sObject[]>();
const renderedText = new Map<string, string>();
let kubeCheckBinary = '';
/** Kinds that are custom resources: no Go types in client-go, checked by the tests below only. */
const CUSTOM_KINDS = ['ScaledObject', 'ServiceMonitor', 'KafkaTopic', 'PrometheusRule'];

beforeAll(async () => {
  // Builds helm on the first run on a machine (a few minutes on 2 cores), then reuses it.
  helm = (await ensureHelm({ repoRoot })).binary;
  kubeCheckBinary = await ensureKubeCheck(repoRoot);
  await Promise.all(
    scenarios.map(async (s) => {
      const text = await renderText(s.args);
      renderedText.set(s.title, text);
      rendered.set(s.title, parseManifests(text));
    }),
  );
}, 30 * 60_000);

function objectsOf(scenario: Scenario): K8sObject[] {
  const objects = rendered.get(scenario.title);
  if (!objects) throw new Error(`${scenario.title} was not rendered`);
  return objects;
}

function find(
  objects: readonly K8sObject[],
  kind: string,
  objectName: string,
): K8sObject | undefined {
  return objects.find((o) => o.kind === kind && o.metadata.name === objectName);
}

function get(objects: readonly K8sObject[], kind: string, objectName: string): K8sObject {
  const found = find(objects, kind, objectName);
  if (!found) throw new Error(`no ${kind} ${objectName} rendered`);
  return found;
}

function mainContainer(deployment: K8sObject): Container {
  const [container] = podSpecOf(deployment).containers;
  if (!container) throw new Error(`${deployment.metadata.name} has no container`);
  return container;
}

/** The container's configuration values (ConfigMap and plain env; secrets have no value here). */
function configOf(deployment: K8sObject, objects: readonly K8sObject[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, source] of containerEnv(mainContainer(deployment), objects))
    if (source.value !== undefined) out[key] = source.value;
  return out;
}

function podLabels(workload: K8sObject): Record<string, string> {
  return (workload.spec as { template: { metadata: { labels: Record<string, string> } } }).template
    .metadata.labels;
}

interface PolicyPort {
  port?: number | string;
  protocol?: string;
}
interface PolicyRule {
  from?: unknown[];
  to?: unknown[];
  ports?: PolicyPort[];
}
interface PolicySpec {
  podSelector: { matchLabels?: Record<string, string> };
  policyTypes?: string[];
  ingress?: PolicyRule[] | null;
  egress?: PolicyRule[] | null;
}

function policiesFor(objects: readonly K8sObject[], labels: Record<string, string>): PolicySpec[] {
  return objects
    .filter((o) => o.kind === 'NetworkPolicy')
    .map((o) => o.spec as unknown as PolicySpec)
    .filter((spec) => selects(spec.podSelector.matchLabels, labels));
}

function allowedPorts(rules: readonly PolicyRule[], protocol = 'TCP'): Set<number | string> {
  const ports = new Set<number | string>();
  for (const rule of rules)
    for (const p of rule.ports ?? [])
      if ((p.protocol ?? 'TCP') === protocol && p.port !== undefined) ports.add(p.port);
  return ports;
}

function expectPodHardened(workload: K8sObject): void {
  const pod = podSpecOf(workload) as PodSpecHardening;
  const where = `${workload.kind} ${workload.metadata.name}`;
  expect({ where, ...pod.securityContext }).toMatchObject({
    where,
    runAsNonRoot: true,
    runAsUser: 1000,
    seccompProfile: { type: 'RuntimeDefault' },
  });
  expect(pod.automountServiceAccountToken).toBe(false);
  for (const container of pod.containers) {
    const sc = container.securityContext ?? {};
    expect({ where, container: container.name, ...sc }).toMatchObject({
      where,
      container: container.name,
      allowPrivilegeEscalation: false,
      readOnlyRootFilesystem: true,
      capabilities: { drop: expect.arrayContaining(['ALL']) as unknown },
    });
    expect(sc.runAsNonRoot ?? pod.securityContext?.runAsNonRoot).toBe(true);
    expect(sc.privileged ?? false).toBe(false);
    // A read-only root filesystem needs a writable /tmp (Node and its libraries may use it).
    const tmpMount = (container.volumeMounts ?? []).find((m) => m.mountPath === '/tmp');
    expect(tmpMount).toBeDefined();
    const volume = (pod.volumes ?? []).find((v) => v.name === tmpMount?.name);
    expect(volume?.emptyDir).toBeDefined();
  }
}

interface PodSpecHardening {
  securityContext?: {
    runAsNonRoot?: boolean;
    runAsUser?: number;
    seccompProfile?: { type: string };
  };
  automountServiceAccountToken?: boolean;
  volumes?: { name: string; emptyDir?: object }[];
  containers: (Container & {
    securityContext?: {
      allowPrivilegeEscalation?: boolean;
      readOnlyRootFilesystem?: boolean;
      runAsNonRoot?: boolean;
      privileged?: boolean;
      capabilities?: { drop?: string[] };
    };
    volumeMounts?: { name: string; mountPath: string }[];
  })[];
}

interface Probe {
  httpGet?: { path: string; port: number | string };
  periodSeconds: number;
  timeoutSeconds: number;
  failureThreshold: number;
}

describe(`the Helm chart (helm ${HELM_VERSION})`, () => {
  it('uses the helm it built, stamped with its version and a current Kubernetes', async () => {
    const version = await runHelm(['version', '--template', '{{.Version}}']);
    expect(version.stdout.trim()).toBe(HELM_VERSION);
    // helm's release build stamps the Kubernetes version of its client-go; unstamped it says 1.20.
    const caps = await runHelm([
      'template',
      RELEASE,
      chartDir,
      ...REQUIRED_TEST_VALUES,
      '--show-only',
      'templates/service.yaml',
    ]);
    expect(caps.code).toBe(0);
  });

  describe('helm lint --strict', () => {
    it.each([
      ['default values (and the unsubscribe key they lack)', [...REQUIRED_TEST_VALUES]],
      ['the Strimzi + managed MongoDB example', ['-f', exampleValues]],
    ])('passes with %s', async (_title, args) => {
      const result = await runHelm(['lint', '--strict', chartDir, ...args]);
      expect({ code: result.code, output: result.stdout + result.stderr }).toMatchObject({
        code: 0,
      });
      expect(result.stdout).toContain('0 chart(s) failed');
    });

    it.each([
      ['no image repository', ['--set', 'image.repository=null'], "missing property 'repository'"],
      ['an empty image repository', ['--set', 'image.repository='], '/image/repository'],
      ['the latest tag', ['--set', 'image.tag=latest'], '/image/tag'],
      ['a port out of range', ['--set', 'services.matching.port=70000'], '/services/matching/port'],
      ['port 0', ['--set', 'services.profiles.port=0'], '/services/profiles/port'],
      ['an unknown log level', ['--set', 'config.LOG_LEVEL=verbose'], '/config/LOG_LEVEL'],
      [
        'a string for a boolean',
        ['--set', 'services.profiles.enabled=yes'],
        '/services/profiles/enabled',
      ],
      [
        'a string for a number',
        ['--set', 'config.SHUTDOWN_TIMEOUT_MS=soon'],
        '/config/SHUTDOWN_TIMEOUT_MS',
      ],
      [
        'an unknown topic provisioner',
        ['--set', 'topics.provisioner=kafka-ui'],
        '/topics/provisioner',
      ],
      ['brokers without a port', ['--set', 'config.KAFKA_BROKERS=kafka'], '/config/KAFKA_BROKERS'],
      [
        'a non-MongoDB URI',
        ['--set', 'secret.MONGODB_URI=postgres://db:5432'],
        '/secret/MONGODB_URI',
      ],
      [
        'an http JWKS URL',
        ['--set', 'config.AUTH_JWKS_URL=http://idp/jwks'],
        '/config/AUTH_JWKS_URL',
      ],
      [
        'PORT in the shared config (set per service)',
        ['--set', 'config.PORT=8080'],
        "at '/config/PORT'",
      ],
      [
        'KAFKA_CREATE_TOPICS by hand (follows topics.provisioner)',
        ['--set', 'config.KAFKA_CREATE_TOPICS=true'],
        "at '/config/KAFKA_CREATE_TOPICS'",
      ],
      [
        'one group id for all services',
        ['--set', 'config.KAFKA_GROUP_ID=medmentor'],
        "at '/config/KAFKA_GROUP_ID'",
      ],
      [
        'a replication factor of 0',
        ['--set', 'config.KAFKA_TOPIC_REPLICATION_FACTOR=0'],
        '/config/KAFKA_TOPIC_REPLICATION_FACTOR',
      ],
      [
        'an unknown SASL mechanism',
        ['--set', 'kafka.sasl.mechanism=gssapi'],
        '/kafka/sasl/mechanism',
      ],
      [
        'Kafka TLS as a raw variable (set through kafka.tls)',
        ['--set', 'config.KAFKA_SSL=true'],
        "at '/config/KAFKA_SSL'",
      ],
      [
        'a consumer session time-out below the broker minimum',
        ['--set', 'config.CONSUMER_SESSION_TIMEOUT_MS=1000'],
        '/config/CONSUMER_SESSION_TIMEOUT_MS',
      ],
      [
        'a rate limit below 0',
        ['--set', 'config.HTTP_RATE_LIMIT_MAX=-1'],
        '/config/HTTP_RATE_LIMIT_MAX',
      ],
      [
        'a CORS origin with a path',
        ['--set', 'config.HTTP_CORS_ORIGINS=https://app.example.org/home'],
        '/config/HTTP_CORS_ORIGINS',
      ],
      [
        "a service's own variable in the shared config",
        ['--set', 'config.MAIL_FROM=MedMentor <a@b.c>'],
        "at '/config/MAIL_FROM'",
      ],
      [
        "another service's variable",
        ['--set', 'services.profiles.config.MATCH_RUN_LEASE_MS=30000'],
        "at '/services/profiles/config/MATCH_RUN_LEASE_MS'",
      ],
      [
        'no match run attempt',
        ['--set', 'services.matching.config.MATCH_RUN_MAX_ATTEMPTS=0'],
        '/services/matching/config/MATCH_RUN_MAX_ATTEMPTS',
      ],
      [
        'a kickoff longer than 4 hours',
        ['--set', 'services.scheduling.config.SCHEDULING_KICKOFF_MINUTES=300'],
        '/services/scheduling/config/SCHEDULING_KICKOFF_MINUTES',
      ],
      [
        'a string for the scheduling timers flag',
        ['--set', 'services.scheduling.config.SCHEDULING_TIMERS_ENABLED=sometimes'],
        '/services/scheduling/config/SCHEDULING_TIMERS_ENABLED',
      ],
      [
        'a public base URL that is not http(s)',
        ['--set', 'services.notifications.config.PUBLIC_BASE_URL=ftp://medmentor.example.org'],
        '/services/notifications/config/PUBLIC_BASE_URL',
      ],
      [
        'the SMTP URL (a secret) in the config',
        ['--set', 'services.notifications.config.SMTP_URL=smtp://relay:25'],
        "at '/services/notifications/config/SMTP_URL'",
      ],
      [
        'a non-SMTP relay URL',
        ['--set', 'services.notifications.secret.SMTP_URL=https://relay'],
        '/services/notifications/secret/SMTP_URL',
      ],
      [
        'an unsubscribe key shorter than 32 characters',
        ['--set', 'services.notifications.secret.NOTIFICATIONS_UNSUBSCRIBE_SECRET=short'],
        '/services/notifications/secret/NOTIFICATIONS_UNSUBSCRIBE_SECRET',
      ],
      [
        'a key for secrets at rest that is not 32 bytes in base64',
        ['--set', 'services.notifications.secret.NOTIFICATIONS_SECRET_KEY=too-short'],
        '/services/notifications/secret/NOTIFICATIONS_SECRET_KEY',
      ],
      [
        "notifications' secret for another service",
        ['--set', 'services.profiles.secret.SMTP_URL=smtp://relay:25'],
        "at '/services/profiles/secret/SMTP_URL'",
      ],
      ['an unknown service', ['--set', 'services.billing.enabled=true'], "'billing' not allowed"],
      ['an unknown top-level key', ['--set', 'replicas=3'], "'replicas' not allowed"],
      [
        'a root container',
        ['--set', 'securityContext.runAsNonRoot=false'],
        '/securityContext/runAsNonRoot',
      ],
    ])('fails schema validation with %s', async (_title, args, detail) => {
      const lint = await runHelm(['lint', '--strict', chartDir, ...args]);
      expect(lint.code).not.toBe(0);
      expect(lint.stdout + lint.stderr).toMatch(/\[ERROR\] values\.yaml: - at '/);
      expect(lint.stdout + lint.stderr).toContain(detail);
      // install and upgrade validate the same way as template: nothing is applied.
      const template = await runHelm(['template', RELEASE, chartDir, ...args]);
      expect(template.code).not.toBe(0);
      expect(template.stderr).toContain(SCHEMA_ERROR);
      expect(template.stderr).toContain(detail);
    });

    it.each([
      [
        'both a JWKS URL and a public key',
        [
          '--set',
          'config.AUTH_JWKS_URL=https://idp.example.com/jwks',
          '--set',
          'secret.AUTH_PUBLIC_KEY=-----BEGIN PUBLIC KEY-----',
        ],
        'set only one of config.AUTH_JWKS_URL',
      ],
      [
        'a drain delay not below the timeout',
        ['--set', 'config.SHUTDOWN_DRAIN_DELAY_MS=25000'],
        'must be less than SHUTDOWN_TIMEOUT_MS',
      ],
      [
        'a grace period not above the shutdown timeout',
        ['--set', 'terminationGracePeriodSeconds=20'],
        'must be above SHUTDOWN_TIMEOUT_MS',
      ],
      [
        'a probe time-out not above the health check time-out',
        ['--set', 'probes.readiness.timeoutSeconds=2'],
        'must be above HEALTH_CHECK_TIMEOUT_MS',
      ],
      [
        'no MongoDB URI and no existing Secret',
        ['--set', 'secret.MONGODB_URI='],
        'set secret.MONGODB_URI or secret.existingSecret',
      ],
      [
        'a SASL mechanism without user or password Secret',
        ['--set', 'kafka.tls.enabled=true', '--set', 'kafka.sasl.mechanism=scram-sha-512'],
        'kafka.sasl.mechanism needs kafka.sasl.username and kafka.sasl.passwordSecret.name',
      ],
      [
        'SASL PLAIN without TLS',
        [
          '--set',
          'kafka.sasl.mechanism=plain',
          '--set',
          'kafka.sasl.username=u',
          '--set',
          'kafka.sasl.passwordSecret.name=p',
        ],
        'kafka.sasl.mechanism=plain sends the password in clear',
      ],
      [
        'a CA Secret with TLS off',
        ['--set', 'services.matching.kafka.tls.caSecret.name=ca'],
        'matching: kafka.tls.caSecret / clientSecret need kafka.tls.enabled=true',
      ],
      [
        'a SASL user without a mechanism',
        ['--set', 'kafka.sasl.username=u'],
        'kafka.sasl.username / passwordSecret need kafka.sasl.mechanism',
      ],
      [
        'notifications without a key for secrets at rest',
        ['--set', 'services.notifications.secret.NOTIFICATIONS_SECRET_KEY='],
        'notifications: set services.notifications.secret.NOTIFICATIONS_SECRET_KEY',
      ],
      [
        'notifications without an unsubscribe key',
        ['--set', 'services.notifications.secret.NOTIFICATIONS_UNSUBSCRIBE_SECRET='],
        'notifications: set services.notifications.secret.NOTIFICATIONS_UNSUBSCRIBE_SECRET',
      ],
    ])('refuses to render %s', async (_title, args, message) => {
      const result = await runHelm([
        'template',
        RELEASE,
        chartDir,
        ...REQUIRED_TEST_VALUES,
        ...args,
      ]);
      expect(result.code).not.toBe(0);
      expect(result.stderr).toContain(message);
    });

    it('needs the unsubscribe key only while notifications is enabled, from a value or an existing Secret', async () => {
      const defaults = await runHelm(['template', RELEASE, chartDir]);
      expect(defaults.code).not.toBe(0);
      expect(defaults.stderr).toContain('NOTIFICATIONS_UNSUBSCRIBE_SECRET');
      const off = await runHelm([
        'template',
        RELEASE,
        chartDir,
        '--set',
        'services.notifications.enabled=false',
      ]);
      expect(off.code).toBe(0);
      const existing = await runHelm([
        'template',
        RELEASE,
        chartDir,
        '--set',
        'services.notifications.secret.existingSecret=notifications-secrets',
      ]);
      expect(existing.code).toBe(0);
      const env = containerEnv(
        mainContainer(get(parseManifests(existing.stdout), 'Deployment', name('notifications'))),
        parseManifests(existing.stdout),
      );
      expect(env.get('NOTIFICATIONS_UNSUBSCRIBE_SECRET')).toEqual({
        from: 'secret:notifications-secrets',
        external: true,
      });
    });
  });

  describe.each(scenarios)('rendered with $title', (scenario) => {
    const disabled = SERVICES.filter((s) => !scenario.enabled.includes(s));

    it('decodes strictly into the Kubernetes API types (no unknown field, no wrong type, valid names and labels)', async () => {
      const results = await kubeCheck(kubeCheckBinary, renderedText.get(scenario.title) ?? '');
      expect(results).toHaveLength(objectsOf(scenario).length);
      expect(results.filter((r) => r.status === 'error')).toEqual([]);
      const skipped = [
        ...new Set(results.filter((r) => r.status === 'skipped').map((r) => r.kind)),
      ];
      expect(CUSTOM_KINDS).toEqual(expect.arrayContaining(skipped));
      expect(results.filter((r) => r.status === 'ok').map((r) => r.kind)).toEqual(
        expect.arrayContaining([
          'Deployment',
          'Service',
          'ConfigMap',
          'PodDisruptionBudget',
          'NetworkPolicy',
        ]),
      );
    });

    it('has a Deployment, Service, PodDisruptionBudget and autoscaler per enabled service, nothing for disabled ones', () => {
      const objects = objectsOf(scenario);
      for (const service of scenario.enabled) {
        for (const kind of ['Deployment', 'Service', 'PodDisruptionBudget', 'ConfigMap']) {
          expect({ service, kind, found: !!find(objects, kind, name(service)) }).toEqual({
            service,
            kind,
            found: true,
          });
        }
        // With KEDA the ScaledObject owns the HPA; two autoscalers on one Deployment would fight.
        const keda = scenario.keda.includes(service);
        expect({ service, hpa: !!find(objects, 'HorizontalPodAutoscaler', name(service)) }).toEqual(
          { service, hpa: !keda },
        );
        expect({ service, scaledObject: !!find(objects, 'ScaledObject', name(service)) }).toEqual({
          service,
          scaledObject: keda,
        });
        const deployment = get(objects, 'Deployment', name(service));
        // Under an autoscaler the Deployment leaves replicas alone, so upgrades do not reset them.
        expect((deployment.spec as { replicas?: number }).replicas).toBeUndefined();
        const selector = (deployment.spec as { selector: { matchLabels: Record<string, string> } })
          .selector.matchLabels;
        expect(selects(selector, podLabels(deployment))).toBe(true);
        const svc = get(objects, 'Service', name(service)).spec as {
          selector: Record<string, string>;
          ports: { port: number; targetPort: string | number }[];
        };
        expect(selects(svc.selector, podLabels(deployment))).toBe(true);
        expect(svc.ports).toEqual([
          expect.objectContaining({ port: PORTS[service], targetPort: 'http' }),
        ]);
        const pdb = get(objects, 'PodDisruptionBudget', name(service)).spec as {
          selector: { matchLabels: Record<string, string> };
        };
        expect(selects(pdb.selector.matchLabels, podLabels(deployment))).toBe(true);
      }
      for (const service of disabled) {
        expect(
          objects
            .filter((o) => o.metadata.labels?.['app.kubernetes.io/component'] === service)
            .map((o) => o.kind),
        ).toEqual([]);
      }
      expect(objects.filter((o) => o.kind === 'Deployment')).toHaveLength(scenario.enabled.length);
    });

    it('probes /health/live and /health/ready on the container port, readiness quick to fail, liveness tolerant', () => {
      const objects = objectsOf(scenario);
      for (const service of scenario.enabled) {
        const deployment = get(objects, 'Deployment', name(service));
        const container = mainContainer(deployment) as Container &
          Record<'livenessProbe' | 'readinessProbe' | 'startupProbe', Probe | undefined>;
        const config = configOf(deployment, objects);
        const port = container.ports?.find((p) => p.name === 'http');
        expect(port?.containerPort).toBe(PORTS[service]);
        expect(config['PORT']).toBe(String(PORTS[service]));
        const onPort = (probe: Probe | undefined) =>
          probe?.httpGet?.port === 'http' || probe?.httpGet?.port === port?.containerPort;
        expect(container.readinessProbe?.httpGet?.path).toBe('/health/ready');
        expect(container.livenessProbe?.httpGet?.path).toBe('/health/live');
        expect(container.startupProbe?.httpGet?.path).toMatch(/^\/health\/(live|ready)$/);
        for (const probe of [
          container.readinessProbe,
          container.livenessProbe,
          container.startupProbe,
        ]) {
          expect(onPort(probe)).toBe(true);
          // Each check may take HEALTH_CHECK_TIMEOUT_MS: the probe must wait longer.
          expect(probe!.timeoutSeconds * 1000).toBeGreaterThan(
            Number(config['HEALTH_CHECK_TIMEOUT_MS']),
          );
        }
        const readiness = container.readinessProbe!;
        const liveness = container.livenessProbe!;
        expect(readiness.failureThreshold).toBeLessThanOrEqual(3);
        expect(readiness.periodSeconds * readiness.failureThreshold).toBeLessThanOrEqual(30);
        expect(liveness.failureThreshold).toBeGreaterThanOrEqual(3);
        expect(liveness.periodSeconds * liveness.failureThreshold).toBeGreaterThanOrEqual(30);
      }
    });

    it('runs as uid 1000, non-root, read-only root filesystem with /tmp on an emptyDir, no privilege escalation, no capabilities, RuntimeDefault seccomp', () => {
      const objects = objectsOf(scenario);
      const workloads = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job');
      expect(workloads.length).toBeGreaterThan(0);
      for (const workload of workloads) expectPodHardened(workload);
    });

    it('gives the pods a grace period above SHUTDOWN_TIMEOUT_MS, and a drain delay below it', () => {
      const objects = objectsOf(scenario);
      for (const service of scenario.enabled) {
        const deployment = get(objects, 'Deployment', name(service));
        const config = configOf(deployment, objects);
        const grace = (podSpecOf(deployment) as { terminationGracePeriodSeconds?: number })
          .terminationGracePeriodSeconds;
        const timeout = Number(config['SHUTDOWN_TIMEOUT_MS']);
        const drain = Number(config['SHUTDOWN_DRAIN_DELAY_MS']);
        expect(timeout).toBeGreaterThan(0);
        expect((grace ?? 30) * 1000).toBeGreaterThan(timeout);
        expect(drain).toBeGreaterThan(0);
        expect(drain).toBeLessThan(timeout);
      }
    });

    it("wires every variable of the README's configuration table into every Deployment, secrets from Secrets", () => {
      const objects = objectsOf(scenario);
      expect(readmeVariables).toEqual(
        expect.arrayContaining([
          'PORT',
          'MONGODB_URI',
          'KAFKA_BROKERS',
          'AUTH_ISSUER',
          'SHUTDOWN_TIMEOUT_MS',
        ]),
      );
      for (const service of scenario.enabled) {
        const deployment = get(objects, 'Deployment', name(service));
        const env = containerEnv(mainContainer(deployment), objects);
        const missing = readmeVariables.filter(
          (v) => !env.has(v) && !OPTIONAL_VARIABLES.includes(v),
        );
        expect({ service, missing }).toEqual({ service, missing: [] });
        for (const variable of SECRET_VARIABLES)
          expect({ service, variable, from: env.get(variable)?.from.split(':')[0] }).toEqual({
            service,
            variable,
            from: 'secret',
          });
        const config = configOf(deployment, objects);
        expect(config['KAFKA_GROUP_ID']).toBe(`medmentor-${service}`);
        expect(config['MONGODB_DATABASE']).toBe(`medmentor_${service}`);
        expect(config['KAFKA_CLIENT_ID']).toBe(service);
        expect(config['KAFKA_CREATE_TOPICS']).toBe(
          scenario.provisioner === 'service' ? 'true' : 'false',
        );
        expect(config['KAFKA_BROKERS']).toMatch(/^[^,\s]+:\d+(,[^,\s]+:\d+)*$/);
      }
      // ConfigMap values must be strings (an unquoted number is refused by the API server).
      for (const map of objects.filter((o) => o.kind === 'ConfigMap')) {
        for (const [key, value] of Object.entries(map.data ?? {}))
          expect({ key, type: typeof value }).toEqual({ key, type: 'string' });
      }
    });

    it("wires each service's own variables (README's Service table) into its Deployment only, secrets from Secrets", () => {
      const objects = objectsOf(scenario);
      expect([...new Set(serviceVariables.map((v) => v.service))].sort()).toEqual(
        [...SERVICES].sort(),
      );
      for (const service of scenario.enabled) {
        const env = containerEnv(mainContainer(get(objects, 'Deployment', name(service))), objects);
        const missing = serviceVariables
          .filter((v) => v.service === service && !env.has(v.variable))
          .map((v) => v.variable);
        const foreign = serviceVariables
          .filter((v) => v.service !== service && env.has(v.variable))
          .map((v) => v.variable);
        expect({ service, missing, foreign }).toEqual({ service, missing: [], foreign: [] });
        expect({ service, testOnly: TEST_ONLY_VARIABLES.filter((v) => env.has(v)) }).toEqual({
          service,
          testOnly: [],
        });
        for (const variable of SERVICE_SECRET_VARIABLES.filter((v) => env.has(v)))
          expect({ service, variable, from: env.get(variable)?.from.split(':')[0] }).toEqual({
            service,
            variable,
            from: 'secret',
          });
        // Without the unsubscribe key each replica would sign links with its own.
        if (service === 'notifications') {
          const key = mainContainer(get(objects, 'Deployment', name(service))).env?.find(
            (e) => e.name === 'NOTIFICATIONS_UNSUBSCRIBE_SECRET',
          );
          expect(key?.valueFrom?.secretKeyRef?.optional ?? false).toBe(false);
        }
      }
    });

    it('points every Kafka file variable at a read-only mounted Secret key, in the services and the topic Job', () => {
      const objects = objectsOf(scenario);
      const workloads = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job');
      for (const workload of workloads) {
        const container = mainContainer(workload);
        const env = containerEnv(container, objects);
        const tls = env.get('KAFKA_SSL')?.value;
        expect({ workload: workload.metadata.name, tls }).toEqual({
          workload: workload.metadata.name,
          tls: expect.stringMatching(/^(true|false)$/) as string,
        });
        for (const variable of KAFKA_FILE_VARIABLES) {
          const path = env.get(variable)?.value;
          if (path === undefined) continue;
          expect(tls).toBe('true');
          const file = secretFileAt(podSpecOf(workload), container, path);
          expect({ workload: workload.metadata.name, variable, readOnly: file?.readOnly }).toEqual({
            workload: workload.metadata.name,
            variable,
            readOnly: true,
          });
        }
      }
    });

    it('denies all traffic by default and opens only the ports each service needs', () => {
      const objects = objectsOf(scenario);
      const policies = objects
        .filter((o) => o.kind === 'NetworkPolicy')
        .map((o) => o.spec as unknown as PolicySpec);
      const workloads = objects.filter((o) => o.kind === 'Deployment' || o.kind === 'Job');
      const denyAll = policies.find(
        (p) =>
          (p.policyTypes ?? []).includes('Ingress') &&
          (p.policyTypes ?? []).includes('Egress') &&
          (p.ingress ?? []).length === 0 &&
          (p.egress ?? []).length === 0,
      );
      expect(denyAll).toBeDefined();
      for (const workload of workloads)
        expect({
          pod: workload.metadata.name,
          denied: selects(denyAll?.podSelector.matchLabels, podLabels(workload)),
        }).toEqual({ pod: workload.metadata.name, denied: true });

      for (const service of scenario.enabled) {
        const deployment = get(objects, 'Deployment', name(service));
        const mine = policiesFor(objects, podLabels(deployment));
        const ingress = mine.flatMap((p) => p.ingress ?? []);
        const egress = mine.flatMap((p) => p.egress ?? []);
        // Ingress only to the HTTP port, and only from listed peers.
        for (const rule of ingress) {
          expect((rule.from ?? []).length).toBeGreaterThan(0);
          expect([...allowedPorts([rule])]).toEqual(['http']);
        }
        expect(ingress.length).toBeGreaterThan(0);
        const tcp = allowedPorts(egress);
        expect(allowedPorts(egress, 'UDP').has(53)).toBe(true);
        const brokers = configOf(deployment, objects)['KAFKA_BROKERS'] ?? '';
        const brokerPorts = brokers.split(',').map((b) => Number(b.split(':').pop()));
        for (const port of brokerPorts)
          expect({ service, kafkaPort: port, allowed: tcp.has(port) }).toEqual({
            service,
            kafkaPort: port,
            allowed: true,
          });
        expect(tcp.has(27017)).toBe(true);
        expect(tcp.has(443)).toBe(true); // JWKS
        expect({ service, smtp: tcp.has(587) }).toEqual({
          service,
          smtp: service === 'notifications',
        });
      }
    });

    it('pins image tags (no latest) to the appVersion, the same image for the topic Job', () => {
      const objects = objectsOf(scenario);
      const images = objects
        .filter((o) => o.kind === 'Deployment' || o.kind === 'Job')
        .flatMap((o) => podSpecOf(o).containers.map((c) => c.image));
      expect(images.length).toBeGreaterThan(0);
      for (const image of images) {
        const tag = imageTag(image);
        expect({ image, tag }).toEqual({ image, tag: chart.appVersion });
        expect(tag).not.toBe('latest');
      }
      for (const service of scenario.enabled)
        expect(mainContainer(get(objects, 'Deployment', name(service))).image).toMatch(
          new RegExp(`/${service}:`),
        );
    });

    it('renders a ServiceMonitor and KEDA ScaledObject only when enabled, with the verbatim consumer group', () => {
      const objects = objectsOf(scenario);
      const monitors = objects.filter((o) => o.kind === 'ServiceMonitor');
      expect(monitors.map((o) => o.metadata.name).sort()).toEqual(
        scenario.serviceMonitor ? scenario.enabled.map(name).sort() : [],
      );
      for (const monitor of monitors) {
        const spec = monitor.spec as {
          endpoints: { port: string; path: string }[];
          selector: { matchLabels: Record<string, string> };
        };
        expect(spec.endpoints).toEqual([
          expect.objectContaining({ port: 'http', path: '/metrics' }),
        ]);
        const service = objects.find(
          (o) => o.kind === 'Service' && selects(spec.selector.matchLabels, o.metadata.labels),
        );
        expect(service?.metadata.name).toBe(monitor.metadata.name);
      }
      const scaled = objects.filter((o) => o.kind === 'ScaledObject');
      expect(scaled.map((o) => o.metadata.name).sort()).toEqual(scenario.keda.map(name).sort());
      for (const object of scaled) {
        const service = object.metadata.labels?.['app.kubernetes.io/component'] as ServiceName;
        const spec = object.spec as {
          scaleTargetRef: { name: string };
          triggers: { type: string; metadata: Record<string, string> }[];
        };
        expect(spec.scaleTargetRef.name).toBe(name(service));
        const kafka = spec.triggers.find((t) => t.type === 'kafka');
        // kafkajs is used directly: no NestJS "-server" suffix on the group id.
        expect(kafka?.metadata['consumerGroup']).toBe(`medmentor-${service}`);
        expect(kafka?.metadata['bootstrapServers']).toMatch(/:\d+$/);
        expect(Number(kafka?.metadata['lagThreshold'])).toBeGreaterThan(0);
      }
    });

    it('provisions every catalog topic and its dead-letter topic as configured', () => {
      const objects = objectsOf(scenario);
      const catalog = allTopics();
      const jobs = objects.filter((o) => o.kind === 'Job');
      const kafkaTopics = objects.filter((o) => o.kind === 'KafkaTopic');
      if (scenario.provisioner === 'job') {
        expect(kafkaTopics).toHaveLength(0);
        expect(jobs).toHaveLength(1);
        const job = jobs[0];
        expect(job.metadata.annotations?.['helm.sh/hook']).toBe('pre-install,pre-upgrade');
        const [container] = podSpecOf(job).containers;
        const serviceImages = objects
          .filter((o) => o.kind === 'Deployment')
          .map((o) => mainContainer(o).image);
        expect(serviceImages).toContain(container.image);
        const settings = JSON.parse(
          container.env?.find((e) => e.name === 'TOPIC_SETTINGS')?.value ?? '{}',
        ) as { names: string[]; brokers: string[] };
        expect(settings.names).toEqual(expect.arrayContaining(catalog));
        expect(settings.brokers.length).toBeGreaterThan(0);
        const script = JSON.stringify(container);
        expect(script).toContain("require('kafkajs')");
        expect(script).toContain('dist/libs/contracts/src/topics.js');
        expect(script).toContain(".dlq'");
      } else if (scenario.provisioner === 'strimzi') {
        expect(jobs).toHaveLength(0);
        const names = kafkaTopics.map((t) => (t.spec as { topicName: string }).topicName);
        const missing = catalog
          .flatMap((t) => [t, deadLetterTopicOf(t)])
          .filter((t) => !names.includes(t));
        // A topic added to libs/contracts/src/topics.ts must be added to topics.names in values.yaml.
        expect({ missing }).toEqual({ missing: [] });
        for (const topic of kafkaTopics) {
          expect(topic.metadata.labels?.['strimzi.io/cluster']).toBeTruthy();
          expect(topic.metadata.annotations?.['helm.sh/resource-policy']).toBe('keep');
        }
      } else {
        expect(jobs).toHaveLength(0);
        expect(kafkaTopics).toHaveLength(0);
      }
    });
  });

  it('has a type check that catches unknown fields, wrong types and bad names', async () => {
    const broken = [
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: web }',
      'spec:',
      '  selector: { matchLabels: { app: web } }',
      '  template:',
      '    metadata: { labels: { app: web } }',
      '    spec:',
      '      containers:',
      '        - { name: web, image: web:1, readinessProbe: { httpGet: { path: /, port: 80 }, periodSecond: 5 } }',
      '---',
      'apiVersion: v1',
      'kind: Service',
      'metadata: { name: Web_1 }',
      'spec: { ports: [{ port: "eighty" }] }',
      '---',
      'apiVersion: v1',
      'kind: ConfigMap',
      'metadata: { name: web, labels: { "app": "not valid!" } }',
    ].join('\n');
    const results = await kubeCheck(kubeCheckBinary, broken);
    expect(results.map((r) => r.status)).toEqual(['error', 'error', 'error']);
    expect(results[0]?.errors?.join()).toContain('unknown field');
    expect(results[1]?.errors?.join()).toContain('cannot unmarshal');
    expect(results[2]?.errors?.join()).toContain('label');
  });

  it('lists every catalog topic of libs/contracts in values.yaml (used for KafkaTopic resources)', () => {
    const values = parseYaml(readFileSync(join(chartDir, 'values.yaml'), 'utf8')) as {
      topics: { names: string[] };
    };
    const missing = allTopics().filter((t) => !values.topics.names.includes(t));
    expect({ missing }).toEqual({ missing: [] });
  });

  it("sets each service's own variables to the services' defaults (README's Default column) in values.yaml", () => {
    const objects = objectsOf(scenarios[0]);
    const differing = serviceVariables
      .filter((v) => !SERVICE_SECRET_VARIABLES.includes(v.variable))
      .map((v) => ({
        variable: v.variable,
        readme: v.default,
        chart: configOf(get(objects, 'Deployment', name(v.service)), objects)[v.variable],
      }))
      .filter((v) => v.chart !== v.readme);
    expect(differing).toEqual([]);
    const notifications = get(objects, 'Deployment', name('notifications'));
    const secret = get(objects, 'Secret', name('notifications'));
    // The key reaches the Secret; SMTP_URL is left out (the service's default) until set.
    expect(Object.keys(secret.data ?? {})).toContain('NOTIFICATIONS_UNSUBSCRIBE_SECRET');
    expect(Object.keys(secret.data ?? {})).toContain('NOTIFICATIONS_SECRET_KEY');
    expect(Object.keys(secret.data ?? {})).not.toContain('SMTP_URL');
    expect(containerEnv(mainContainer(notifications), objects).get('SMTP_URL')).toEqual({
      from: `secret:${name('notifications')}`,
      external: false,
    });
  });

  it('points the Strimzi example at the TLS bootstrap and an existing Secret for a managed MongoDB', () => {
    const objects = objectsOf(scenarios[1]);
    for (const service of SERVICES) {
      const deployment = get(objects, 'Deployment', name(service));
      expect(configOf(deployment, objects)['KAFKA_BROKERS']).toMatch(
        /^my-cluster-kafka-bootstrap[.\w-]*:9093$/,
      );
      expect(configOf(deployment, objects)['AUTH_JWKS_URL']).toMatch(/^https:\/\//);
      const env = containerEnv(mainContainer(deployment), objects);
      // notifications has its own Secret: MongoDB, the mail relay and the unsubscribe key.
      const existing =
        service === 'notifications' ? 'medmentor-notifications' : 'medmentor-mongodb';
      expect(env.get('MONGODB_URI')).toEqual({ from: `secret:${existing}`, external: true });
      for (const variable of serviceVariables.filter((v) => v.service === service))
        if (SERVICE_SECRET_VARIABLES.includes(variable.variable))
          expect(env.get(variable.variable)).toEqual({
            from: `secret:${existing}`,
            external: true,
          });
      // Links in calendar feeds and emails point at the public address, not localhost.
      for (const variable of ['SCHEDULING_PUBLIC_BASE_URL', 'PUBLIC_BASE_URL'])
        if (env.has(variable)) expect(env.get(variable)?.value).toMatch(/^https:\/\/(?!localhost)/);
      expect(find(objects, 'Secret', name(service))).toBeUndefined();
      // TLS with the Strimzi cluster CA, SCRAM-SHA-512 as the KafkaUser medmentor.
      const config = configOf(deployment, objects);
      expect(config).toMatchObject({
        KAFKA_SSL: 'true',
        KAFKA_SSL_REJECT_UNAUTHORIZED: 'true',
        KAFKA_SASL_MECHANISM: 'scram-sha-512',
        KAFKA_SASL_USERNAME: 'medmentor',
      });
      const pod = podSpecOf(deployment);
      expect(
        secretFileAt(pod, mainContainer(deployment), config['KAFKA_SSL_CA_FILE'] ?? ''),
      ).toEqual({
        secret: 'my-cluster-cluster-ca-cert',
        key: 'ca.crt',
        readOnly: true,
      });
      expect(
        secretFileAt(pod, mainContainer(deployment), config['KAFKA_SASL_PASSWORD_FILE'] ?? ''),
      ).toEqual({
        secret: 'medmentor-kafka-user',
        key: 'password',
        readOnly: true,
      });
      expect(config['KAFKA_SSL_CERT_FILE']).toBeUndefined();
    }
  });

  it('uses plaintext Kafka without credentials by default, and mTLS files when configured', () => {
    const plain = objectsOf(scenarios[0]);
    for (const workload of plain.filter((o) => o.kind === 'Deployment' || o.kind === 'Job')) {
      const env = containerEnv(mainContainer(workload), plain);
      expect(env.get('KAFKA_SSL')?.value).toBe('false');
      expect(OPTIONAL_VARIABLES.filter((v) => env.has(v))).toEqual([]);
      expect(
        ((podSpecOf(workload)['volumes'] ?? []) as { name: string }[]).map((v) => v.name),
      ).toEqual(['tmp']);
    }
    const mtls = objectsOf(scenarios[3]);
    const job = mtls.find((o) => o.kind === 'Job');
    expect(job).toBeDefined();
    for (const workload of [...SERVICES.map((s) => get(mtls, 'Deployment', name(s))), job!]) {
      const env = containerEnv(mainContainer(workload), mtls);
      const file = (variable: string) =>
        secretFileAt(podSpecOf(workload), mainContainer(workload), env.get(variable)?.value ?? '');
      expect(file('KAFKA_SSL_CA_FILE')).toMatchObject({ secret: 'kafka-ca', key: 'ca.crt' });
      expect(file('KAFKA_SSL_CERT_FILE')).toMatchObject({
        secret: 'medmentor-user',
        key: 'user.crt',
      });
      expect(file('KAFKA_SSL_KEY_FILE')).toMatchObject({
        secret: 'medmentor-user',
        key: 'user.key',
      });
      expect(env.has('KAFKA_SASL_MECHANISM')).toBe(false);
    }
  });

  it('prints NOTES with the addresses, and warnings only while settings are placeholders', async () => {
    // helm template does not render NOTES.txt and install needs a cluster: render it through
    // tpl in a scratch copy of the chart.
    const scratch = mkdtempSync(join(tmpdir(), 'medmentor-notes-'));
    try {
      const copy = join(scratch, 'medmentor');
      cpSync(chartDir, copy, { recursive: true });
      cpSync(join(chartDir, 'templates', 'NOTES.txt'), join(copy, 'notes.tpl'));
      writeFileSync(
        join(copy, 'templates', 'notes-check.yaml'),
        'apiVersion: v1\nkind: ConfigMap\nmetadata: { name: notes }\ndata:\n  notes: {{ tpl (.Files.Get "notes.tpl") . | quote }}\n',
      );
      const notes = async (args: string[]) => {
        const [map] = parseManifests(
          await runHelm([
            'template',
            RELEASE,
            copy,
            '-n',
            NAMESPACE,
            '--show-only',
            'templates/notes-check.yaml',
            ...args,
          ]).then((r) => r.stdout),
        );
        return map?.data?.['notes'] ?? '';
      };
      const defaults = await notes([...REQUIRED_TEST_VALUES]);
      for (const service of SERVICES)
        expect(defaults).toContain(`http://${name(service)}.${NAMESPACE}.svc:${PORTS[service]}`);
      expect(defaults).toContain('WARNING');
      expect(defaults).toContain('image.repository is the placeholder');
      expect(defaults).toContain('AUTH_JWKS_URL');
      expect(defaults).toContain('pre-install/pre-upgrade Job');
      expect(defaults).toContain(
        'services.notifications.config.PUBLIC_BASE_URL is http://localhost:3004',
      );
      expect(defaults).toContain('services.scheduling.config.SCHEDULING_PUBLIC_BASE_URL');
      const example = await notes(['-f', exampleValues]);
      expect(example).not.toContain('WARNING');
      expect(example).toContain('KafkaTopic');
    } finally {
      rmSync(scratch, { recursive: true, force: true });
    }
  });

  it('pulls a service image by digest when one is given', async () => {
    const digest = `sha256:${'ab'.repeat(32)}`;
    const objects = await render([
      ...REQUIRED_TEST_VALUES,
      '--show-only',
      'templates/deployment.yaml',
      '--set',
      `services.profiles.image.digest=${digest}`,
      '--set',
      'services.matching.image.repository=registry.example.org/other/matching',
    ]);
    expect(mainContainer(get(objects, 'Deployment', name('profiles'))).image).toBe(
      `registry.example.com/medmentor/profiles@${digest}`,
    );
    expect(mainContainer(get(objects, 'Deployment', name('matching'))).image).toBe(
      `registry.example.org/other/matching:${chart.appVersion}`,
    );
    const bad = await runHelm([
      'lint',
      chartDir,
      '--set',
      'services.profiles.image.digest=sha256:short',
    ]);
    expect(bad.code).not.toBe(0);
  });

  it('rolls the pods when their configuration changes', async () => {
    const checksum = async (args: string[]) => {
      const [deployment] = (
        await render([...REQUIRED_TEST_VALUES, '--show-only', 'templates/deployment.yaml', ...args])
      ).filter((o) => o.metadata.name === name('profiles'));
      return (
        deployment.spec as { template: { metadata: { annotations: Record<string, string> } } }
      ).template.metadata.annotations;
    };
    const before = await checksum([]);
    const after = await checksum([
      '--set',
      'config.LOG_LEVEL=debug',
      '--set',
      'secret.MONGODB_URI=mongodb://other:27017',
    ]);
    expect(after['checksum/config']).not.toBe(before['checksum/config']);
    expect(after['checksum/secret']).not.toBe(before['checksum/secret']);
  });
});
