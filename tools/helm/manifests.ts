// Reading rendered Helm output and the README's configuration table, for chart.spec.ts.
import { parseAllDocuments } from 'yaml';

/** A rendered Kubernetes object; the fields the tests read are typed loosely on purpose. */
export interface K8sObject {
  apiVersion: string;
  kind: string;
  metadata: {
    name: string;
    namespace?: string;
    labels?: Record<string, string>;
    annotations?: Record<string, string>;
  };
  spec?: Record<string, unknown>;
  data?: Record<string, string>;
  [key: string]: unknown;
}

/** Parses `helm template` output (multi-document YAML); empty documents are dropped. */
export function parseManifests(text: string): K8sObject[] {
  const objects: K8sObject[] = [];
  for (const doc of parseAllDocuments(text)) {
    if (doc.errors.length > 0)
      throw new Error(`rendered YAML does not parse: ${doc.errors[0]?.message ?? ''}`);
    const value: unknown = doc.toJS();
    if (value === null || value === undefined) continue;
    const object = value as Partial<K8sObject>;
    if (
      typeof object.kind !== 'string' ||
      typeof object.apiVersion !== 'string' ||
      !object.metadata?.name
    ) {
      throw new Error(
        `rendered document without apiVersion, kind and metadata.name: ${JSON.stringify(value).slice(0, 200)}`,
      );
    }
    objects.push(object as K8sObject);
  }
  return objects;
}

/** The lines of the README's `## Configuration` section (up to the next level-2 heading). */
function configurationSection(readme: string): string[] {
  const lines = readme.split('\n');
  const heading = lines.findIndex((line) => /^##\s+Configuration\s*$/.test(line));
  if (heading < 0) throw new Error('README.md has no "## Configuration" heading');
  const rest = lines.slice(heading + 1);
  const next = rest.findIndex((line) => /^##\s/.test(line));
  return next < 0 ? rest : rest.slice(0, next);
}

/** The Markdown tables of some lines: each as its rows of trimmed cells, header first, separator dropped. */
function tables(lines: readonly string[]): string[][][] {
  const found: string[][][] = [];
  let current: string[][] | undefined;
  for (const line of lines) {
    if (!line.trimStart().startsWith('|')) {
      current = undefined;
      continue;
    }
    const cells = line
      .split('|')
      .slice(1, -1)
      .map((cell) => cell.trim());
    if (!current) found.push((current = []));
    if (current.length === 1 && cells.every((cell) => /^:?-+:?$/.test(cell))) continue;
    current.push(cells);
  }
  return found;
}

/** The backticked variable names of a table cell (`A`, `B` lists both). */
function variablesIn(cell: string): string[] {
  return [...cell.matchAll(/`([A-Za-z_][A-Za-z0-9_]*)`/g)].flatMap((m) => (m[1] ? [m[1]] : []));
}

/**
 * The variable names of the README's configuration table: the first table after the
 * `## Configuration` heading, first column, backticked names.
 */
export function readmeConfigVariables(readme: string): string[] {
  const [table] = tables(configurationSection(readme));
  if (!table) throw new Error('no table under "## Configuration"');
  const names = table.slice(1).flatMap((row) => variablesIn(row[0] ?? ''));
  if (names.length === 0)
    throw new Error('the configuration table of README.md lists no `VARIABLE`');
  return names;
}

/** A variable only one service reads, from the README's table with a Service column. */
export interface ServiceVariable {
  variable: string;
  service: string;
  /** The Default cell without backticks. */
  default: string;
}

/**
 * The variables each service reads on its own: the table under `## Configuration` whose
 * second column is `Service` (first column the backticked names, third the default).
 */
export function readmeServiceVariables(readme: string): ServiceVariable[] {
  const table = tables(configurationSection(readme)).find((t) => t[0]?.[1] === 'Service');
  if (!table) throw new Error('no table with a Service column under "## Configuration"');
  const variables = table.slice(1).flatMap(([names = '', service = '', fallback = '']) =>
    variablesIn(names).map((variable) => ({
      variable,
      service: service.replace(/`/g, ''),
      default: fallback.replace(/^`|`$/g, ''),
    })),
  );
  if (variables.length === 0) throw new Error('the Service table of README.md lists no `VARIABLE`');
  return variables;
}

/**
 * Values every render needs besides the defaults: notifications' unsubscribe key and the key of
 * secrets at rest (the chart refuses to render notifications without them). Test values.
 */
export const REQUIRED_TEST_VALUES: readonly string[] = [
  '--set',
  `services.notifications.secret.NOTIFICATIONS_UNSUBSCRIBE_SECRET=${'test-unsubscribe-key-'.padEnd(40, '0')}`,
  '--set',
  `services.notifications.secret.NOTIFICATIONS_SECRET_KEY=${'test-secret-key'.padEnd(43, 'A')}=`,
];

export interface Container {
  name: string;
  image: string;
  ports?: { name?: string; containerPort: number }[];
  env?: {
    name: string;
    value?: string;
    valueFrom?: {
      secretKeyRef?: { name: string; key: string; optional?: boolean };
      configMapKeyRef?: { name: string; key: string };
    };
  }[];
  envFrom?: { configMapRef?: { name: string }; secretRef?: { name: string } }[];
  [key: string]: unknown;
}

export interface PodSpec {
  containers: Container[];
  [key: string]: unknown;
}

export function podSpecOf(workload: K8sObject): PodSpec {
  const template = (workload.spec as { template?: { spec?: PodSpec } } | undefined)?.template;
  if (!template?.spec)
    throw new Error(`${workload.kind} ${workload.metadata.name} has no pod template`);
  return template.spec;
}

export interface EnvSource {
  /** Where the variable comes from: `env`, `configmap:<name>` or `secret:<name>`. */
  from: string;
  value?: string;
  /** For secrets referenced by name only (existing Secrets not rendered by the chart). */
  external?: boolean;
}

/**
 * Every variable a container gets, with its source: explicit env entries, then the keys of
 * ConfigMaps and Secrets it loads with envFrom (rendered by the chart; a reference to one that
 * is not rendered throws, since its keys cannot be known). An explicit entry wins, as in Kubernetes.
 */
export function containerEnv(
  container: Container,
  objects: readonly K8sObject[],
): Map<string, EnvSource> {
  const env = new Map<string, EnvSource>();
  const find = (kind: string, name: string) => {
    const found = objects.find((o) => o.kind === kind && o.metadata.name === name);
    if (!found)
      throw new Error(
        `container ${container.name} loads ${kind} ${name}, which the chart does not render`,
      );
    return found;
  };
  for (const source of container.envFrom ?? []) {
    if (source.configMapRef) {
      const map = find('ConfigMap', source.configMapRef.name);
      for (const [key, value] of Object.entries(map.data ?? {}))
        env.set(key, { from: `configmap:${map.metadata.name}`, value });
    }
    if (source.secretRef) {
      const secret = find('Secret', source.secretRef.name);
      for (const key of Object.keys(secret.data ?? {}))
        env.set(key, { from: `secret:${secret.metadata.name}` });
    }
  }
  for (const entry of container.env ?? []) {
    const secretRef = entry.valueFrom?.secretKeyRef;
    const mapRef = entry.valueFrom?.configMapKeyRef;
    if (secretRef) {
      const rendered = objects.find(
        (o) => o.kind === 'Secret' && o.metadata.name === secretRef.name,
      );
      if (rendered && !secretRef.optional && !(secretRef.key in (rendered.data ?? {}))) {
        throw new Error(`${entry.name}: Secret ${secretRef.name} has no key ${secretRef.key}`);
      }
      env.set(entry.name, { from: `secret:${secretRef.name}`, external: !rendered });
    } else if (mapRef) {
      const value = find('ConfigMap', mapRef.name).data?.[mapRef.key];
      if (value === undefined)
        throw new Error(`${entry.name}: ConfigMap ${mapRef.name} has no key ${mapRef.key}`);
      env.set(entry.name, { from: `configmap:${mapRef.name}`, value });
    } else {
      env.set(entry.name, { from: 'env', value: entry.value ?? '' });
    }
  }
  return env;
}

/** The tag of an image reference, or null when it has none (or is pinned by digest only). */
export function imageTag(image: string): string | null {
  const withoutDigest = image.split('@')[0] ?? image;
  const lastSegment = withoutDigest.split('/').pop() ?? '';
  const colon = lastSegment.lastIndexOf(':');
  return colon < 0 ? null : lastSegment.slice(colon + 1);
}

/** True when every label of `selector` is on `labels`. */
export function selects(
  selector: Record<string, string> | undefined,
  labels: Record<string, string> | undefined,
): boolean {
  return Object.entries(selector ?? {}).every(([key, value]) => labels?.[key] === value);
}

interface SecretItems {
  items?: { key: string; path: string }[];
}
interface Volume {
  name: string;
  secret?: SecretItems & { secretName: string };
  projected?: { sources?: { secret?: SecretItems & { name: string } }[] };
}

/**
 * The Secret key a container sees at `path` through a mounted secret or projected volume
 * (with explicit items), or undefined when no mount provides that file.
 */
export function secretFileAt(
  pod: PodSpec,
  container: Container,
  path: string,
): { secret: string; key: string; readOnly: boolean } | undefined {
  const mounts = (container['volumeMounts'] ?? []) as {
    name: string;
    mountPath: string;
    readOnly?: boolean;
  }[];
  for (const mount of mounts) {
    const prefix = `${mount.mountPath.replace(/\/$/, '')}/`;
    if (!path.startsWith(prefix)) continue;
    const relative = path.slice(prefix.length);
    const volume = ((pod['volumes'] ?? []) as Volume[]).find((v) => v.name === mount.name);
    const sources = [
      ...(volume?.secret ? [{ name: volume.secret.secretName, items: volume.secret.items }] : []),
      ...(volume?.projected?.sources ?? []).flatMap((s) => (s.secret ? [s.secret] : [])),
    ];
    for (const source of sources) {
      const item = (source.items ?? []).find((i) => i.path === relative);
      if (item) return { secret: source.name, key: item.key, readOnly: mount.readOnly === true };
    }
  }
  return undefined;
}
