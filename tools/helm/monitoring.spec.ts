// The alert rules and the Grafana dashboard shipped in deploy/: every expression parses with
// Prometheus' own parser (tools/helm/promql-check), reads only metrics the services export
// (collected from the code's metric definitions), every alert has a runbook section in
// docs/operations.md, and the chart renders both unchanged when enabled.
import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { parse as parseYaml } from 'yaml';
import { findRepoRoot } from '../infra/src/core/repo-root';
import {
  defaultMetricDefinitions,
  metricDefinitions,
  seriesNames,
  type MetricDefinition,
} from './exported-metrics';
import { ensureHelm, helmEnv } from './helm-binary';
import { parseManifests, REQUIRED_TEST_VALUES } from './manifests';
import {
  checkPromql,
  ensurePromqlCheck,
  substituteGrafanaVariables,
  type PromqlResult,
} from './promql-check';

const run = promisify(execFile);

// helm and the PromQL checker are separate processes; with the whole tools suite running in
// parallel on a loaded 2-core machine a single helm call has taken over 10 s, jest's default.
// The helm calls themselves are bounded at 60 s.
jest.setTimeout(120_000);
const repoRoot = findRepoRoot(__dirname);
const chartDir = join(repoRoot, 'deploy', 'helm', 'medmentor');
const rulesFile = join(chartDir, 'files', 'prometheus-rules.yaml');
const dashboardFile = join(chartDir, 'files', 'grafana-dashboard.json');

/**
 * Metrics of services other engineers are building now, named in the rules and dashboard
 * ahead of their code. Once defined in the code, the definition must match.
 */
const PLANNED: Pick<MetricDefinition, 'name' | 'type'>[] = [
  { name: 'medmentor_match_run_duration_seconds', type: 'histogram' },
  { name: 'medmentor_notifications_sent_total', type: 'counter' },
  { name: 'medmentor_notifications_failed_total', type: 'counter' },
];

interface Rule {
  alert?: string;
  record?: string;
  expr: string;
  for?: string;
  labels?: Record<string, string>;
  annotations?: Record<string, string>;
}
interface RulesFile {
  groups: { name: string; rules: Rule[] }[];
}
interface Panel {
  id: number;
  type: string;
  title: string;
  gridPos: { h: number; w: number; x: number; y: number };
  targets?: { refId: string; expr: string }[];
  panels?: Panel[];
}
interface Dashboard {
  uid: string;
  title: string;
  panels: Panel[];
  templating: { list: { name: string; query: unknown }[] };
}

const rules = parseYaml(readFileSync(rulesFile, 'utf8')) as RulesFile;
const allRules = rules.groups.flatMap((g) => g.rules);
const dashboard = JSON.parse(readFileSync(dashboardFile, 'utf8')) as Dashboard;
const allPanels = dashboard.panels.flatMap((p) => [p, ...(p.panels ?? [])]);

let exported = new Set<string>();
let definitions: MetricDefinition[] = [];
const parsed = new Map<string, PromqlResult>();

beforeAll(async () => {
  definitions = [
    ...metricDefinitions([join(repoRoot, 'libs'), join(repoRoot, 'apps')]),
    ...(await defaultMetricDefinitions()),
  ];
  const planned = PLANNED.filter((p) => !definitions.some((d) => d.name === p.name));
  exported = new Set([...definitions, ...planned].flatMap((d) => seriesNames(d)));

  const exprs = [
    ...allRules.map((r) => ({ id: `rule ${r.alert ?? r.record ?? '?'}`, expr: r.expr })),
    ...allPanels.flatMap((p) =>
      (p.targets ?? []).map((t) => ({
        id: `panel ${p.id} ${t.refId}`,
        expr: substituteGrafanaVariables(t.expr),
      })),
    ),
    ...dashboard.templating.list.flatMap((v) => {
      const query = (v.query as { query?: string } | undefined)?.query;
      const inner = query?.match(/^label_values\((.+),\s*\w+\)$/)?.[1];
      return inner ? [{ id: `variable ${v.name}`, expr: substituteGrafanaVariables(inner) }] : [];
    }),
  ];
  const binary = await ensurePromqlCheck(repoRoot);
  for (const result of await checkPromql(binary, exprs)) parsed.set(result.id, result);
}, 20 * 60_000);

const unknownMetrics = (id: string): string[] =>
  (parsed.get(id)?.metrics ?? []).filter((m) => !exported.has(m));

describe('metric definitions in the code', () => {
  it('finds the platform, messaging and default metrics the rules rely on', () => {
    const names = definitions.map((d) => `${d.type} ${d.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        'histogram http_request_duration_seconds',
        'counter medmentor_events_processed_total',
        'histogram medmentor_event_processing_seconds',
        'gauge medmentor_consumer_lag',
        'gauge medmentor_outbox_oldest_pending_age_seconds',
        'gauge nodejs_eventloop_lag_p99_seconds',
      ]),
    );
  });

  it('defines the planned domain metrics with the agreed type, when they exist', () => {
    for (const planned of PLANNED) {
      const found = definitions.filter((d) => d.name === planned.name);
      expect(found.map((d) => d.type).filter((t) => t !== planned.type)).toEqual([]);
    }
  });

  it('gives each metric name one type', () => {
    const types = new Map<string, Set<string>>();
    for (const d of definitions) types.set(d.name, (types.get(d.name) ?? new Set()).add(d.type));
    expect([...types].filter(([, t]) => t.size > 1).map(([n]) => n)).toEqual([]);
  });
});

describe('alert rules (deploy/helm/medmentor/files/prometheus-rules.yaml)', () => {
  it('has uniquely named groups and alerts, each with a severity, summary, description and for/expr', () => {
    expect(rules.groups.length).toBeGreaterThan(0);
    expect(new Set(rules.groups.map((g) => g.name)).size).toBe(rules.groups.length);
    const names = allRules.map((r) => r.alert);
    expect(new Set(names).size).toBe(names.length);
    for (const rule of allRules) {
      expect({ alert: rule.alert, severity: rule.labels?.['severity'] }).toEqual({
        alert: rule.alert,
        severity: expect.stringMatching(/^(critical|warning|info)$/) as string,
      });
      expect(rule.annotations?.['summary']).toBeTruthy();
      expect(rule.annotations?.['description']).toBeTruthy();
      if (rule.for !== undefined) expect(rule.for).toMatch(/^\d+[smh]$/);
    }
  });

  it('parses every expression with the Prometheus parser', () => {
    const errors = allRules
      .map((r) => parsed.get(`rule ${r.alert ?? ''}`))
      .filter((r) => r === undefined || r.error !== undefined);
    expect(errors).toEqual([]);
  });

  it('reads only metrics the services export', () => {
    const unknown = allRules.flatMap((r) =>
      unknownMetrics(`rule ${r.alert ?? ''}`).map((m) => `${r.alert}: ${m}`),
    );
    expect(unknown).toEqual([]);
  });

  it('links every alert to its section of the runbook (docs/operations.md)', () => {
    const slugs = new Set(
      readFileSync(join(repoRoot, 'docs', 'operations.md'), 'utf8')
        .split('\n')
        .filter((l) => /^#{2,4} /.test(l))
        .map((l) =>
          l
            .replace(/^#+ /, '')
            .toLowerCase()
            .replace(/[^a-z0-9 -]/g, '')
            .replace(/ /g, '-'),
        ),
    );
    for (const rule of allRules) {
      const runbook = rule.annotations?.['runbook'] ?? '';
      expect({ alert: rule.alert, runbook }).toEqual({
        alert: rule.alert,
        runbook: `docs/operations.md#${(rule.alert ?? '').toLowerCase()}`,
      });
      expect({ alert: rule.alert, section: slugs.has((rule.alert ?? '').toLowerCase()) }).toEqual({
        alert: rule.alert,
        section: true,
      });
    }
  });
});

describe('Grafana dashboard (deploy/helm/medmentor/files/grafana-dashboard.json)', () => {
  it('has a uid, unique panel ids and panels on the 24-column grid', () => {
    expect(dashboard.uid).toMatch(/^[a-z0-9-]{1,40}$/);
    const ids = allPanels.map((p) => p.id);
    expect(ids.every((id) => Number.isInteger(id) && id > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const panel of allPanels) {
      expect(panel.gridPos.x + panel.gridPos.w).toBeLessThanOrEqual(24);
      expect(panel.title).toBeTruthy();
    }
  });

  it('parses every query with the Prometheus parser (Grafana variables substituted)', () => {
    const ids = [...parsed.keys()].filter((id) => !id.startsWith('rule '));
    expect(ids.length).toBeGreaterThan(allPanels.filter((p) => p.type !== 'row').length);
    expect(ids.map((id) => parsed.get(id)).filter((r) => r?.error !== undefined)).toEqual([]);
  });

  it('reads only metrics the services export', () => {
    const unknown = [...parsed.keys()]
      .filter((id) => !id.startsWith('rule '))
      .flatMap((id) => unknownMetrics(id).map((m) => `${id}: ${m}`));
    expect(unknown).toEqual([]);
  });

  it('shows every alerting metric family somewhere', () => {
    const dashboardMetrics = new Set(
      [...parsed].filter(([id]) => !id.startsWith('rule ')).flatMap(([, r]) => r.metrics ?? []),
    );
    const ruleMetrics = new Set(
      allRules.flatMap((r) => parsed.get(`rule ${r.alert ?? ''}`)?.metrics ?? []),
    );
    expect([...ruleMetrics].filter((m) => !dashboardMetrics.has(m))).toEqual([]);
  });
});

describe('the check itself', () => {
  it('catches a malformed expression and an unknown metric', async () => {
    const binary = await ensurePromqlCheck(repoRoot);
    const [bad, unknown] = await checkPromql(binary, [
      { id: 'bad', expr: 'sum(rate(medmentor_consumer_lag[5m])' },
      { id: 'unknown', expr: 'rate(medmentor_consumer_lagg[5m])' },
    ]);
    expect(bad?.error).toMatch(/parse error/);
    expect(unknown?.metrics).toEqual(['medmentor_consumer_lagg']);
    expect(exported.has('medmentor_consumer_lagg')).toBe(false);
  });
});

describe('the chart', () => {
  it('renders the rules as a PrometheusRule and the dashboard as a sidecar ConfigMap when enabled, nothing by default', async () => {
    const helm = (await ensureHelm({ repoRoot })).binary;
    const template = async (args: string[]) =>
      parseManifests(
        (
          await run(helm, ['template', 'mm', chartDir, ...REQUIRED_TEST_VALUES, ...args], {
            cwd: repoRoot,
            env: helmEnv(repoRoot),
            maxBuffer: 64 * 1024 * 1024,
            timeout: 60_000,
          })
        ).stdout,
      );
    const off = await template([]);
    expect(
      off.filter((o) => o.kind === 'PrometheusRule' || o.metadata.name.endsWith('-dashboard')),
    ).toEqual([]);
    const on = await template([
      '--set',
      'prometheusRule.enabled=true',
      '--set',
      'prometheusRule.labels.release=kps',
      '--set',
      'grafanaDashboard.enabled=true',
      '--set',
      'grafanaDashboard.namespace=monitoring',
    ]);
    const rule = on.find((o) => o.kind === 'PrometheusRule');
    expect(rule?.metadata.labels?.['release']).toBe('kps');
    expect(rule?.spec).toEqual({ groups: rules.groups });
    const map = on.find(
      (o) => o.kind === 'ConfigMap' && o.metadata.name === 'mm-medmentor-dashboard',
    );
    expect(map?.metadata.namespace).toBe('monitoring');
    expect(map?.metadata.labels?.['grafana_dashboard']).toBe('1');
    expect(JSON.parse(map?.data?.['medmentor.json'] ?? '{}')).toEqual(dashboard);
  });
});
