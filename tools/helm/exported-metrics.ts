// The Prometheus series the services export, collected from the code's metric definitions
// (`<registry>.counter|gauge|histogram|summary({ name: ... })` in libs/ and apps/) plus the
// default Node.js metrics prom-client registers.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Registry, collectDefaultMetrics } from 'prom-client';

export type MetricType = 'counter' | 'gauge' | 'histogram' | 'summary';

export interface MetricDefinition {
  name: string;
  type: MetricType;
  file: string;
}

const DEFINITION =
  /\.(counter|gauge|histogram|summary)(?:<[^(]*>)?\(\s*\{\s*name:\s*(?:'([^']+)'|([A-Z][A-Z0-9_]*))/g;
const CONSTANT = /\bconst\s+([A-Z][A-Z0-9_]*)\s*=\s*'([^']+)'/g;

function sourceFiles(dir: string): string[] {
  const files: string[] = [];
  for (const entry of readdirSync(dir)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) files.push(...sourceFiles(path));
    else if (entry.endsWith('.ts') && !/\.(spec|integration-spec|e2e-spec)\.ts$/.test(entry))
      files.push(path);
  }
  return files;
}

/** Metric definitions found in the TypeScript sources under the given folders. */
export function metricDefinitions(roots: readonly string[]): MetricDefinition[] {
  const files = roots.flatMap((root) => sourceFiles(root));
  const texts = new Map(files.map((file) => [file, readFileSync(file, 'utf8')]));
  const constants = new Map<string, string>();
  for (const text of texts.values())
    for (const m of text.matchAll(CONSTANT)) constants.set(m[1], m[2]);
  const found: MetricDefinition[] = [];
  for (const [file, text] of texts) {
    for (const m of text.matchAll(DEFINITION)) {
      const name = m[2] ?? constants.get(m[3] ?? '');
      if (name === undefined)
        throw new Error(`${file}: metric name constant ${m[3] ?? ''} not found`);
      found.push({ name, type: m[1] as MetricType, file });
    }
  }
  return found;
}

/** prom-client's default process and Node.js metrics, as the services register them. */
export async function defaultMetricDefinitions(): Promise<MetricDefinition[]> {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = await registry.getMetricsAsJSON();
  return metrics.map((m) => ({
    name: m.name,
    type: String(m.type) as MetricType,
    file: 'prom-client',
  }));
}

/** The series names a metric appears under in the exposition format. */
export function seriesNames(definition: Pick<MetricDefinition, 'name' | 'type'>): string[] {
  const { name, type } = definition;
  if (type === 'histogram') return [`${name}_bucket`, `${name}_sum`, `${name}_count`];
  if (type === 'summary') return [name, `${name}_sum`, `${name}_count`];
  return [name];
}
