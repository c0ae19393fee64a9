// tools/helm/promql-check: Prometheus' own PromQL parser as a small Go program (built like
// kube-check, see go-tool.ts), so rules and dashboards are checked without promtool.
import { ensureGoTool, runGoTool } from './go-tool';

export const ensurePromqlCheck = (repoRoot: string): Promise<string> =>
  ensureGoTool(repoRoot, 'promql-check');

export interface PromqlResult {
  id: string;
  /** The parser's message when the expression does not parse (or a selector names no metric). */
  error?: string;
  /** Metric names the expression's selectors read. */
  metrics?: string[];
}

/** Parses every expression; one result per input, in order. */
export const checkPromql = (
  binary: string,
  exprs: readonly { id: string; expr: string }[],
): Promise<PromqlResult[]> =>
  runGoTool<PromqlResult>(binary, exprs.map((e) => JSON.stringify(e)).join('\n'));

/**
 * Grafana's template variables made parseable: `$__rate_interval` and friends become a
 * duration, `$var` / `${var}` (always inside label values here) a plain word.
 */
export function substituteGrafanaVariables(expr: string): string {
  return expr
    .replace(/\$__(rate_interval|interval|range)\b/g, '5m')
    .replace(/\$\{[A-Za-z_][A-Za-z0-9_]*(?::[a-z]+)?\}|\$[A-Za-z_][A-Za-z0-9_]*/g, 'x');
}
