// tools/helm/kube-check: a small Go program that decodes manifests strictly into the
// Kubernetes API types of client-go, built into .cache/helm/bin (see go-tool.ts). Its
// dependencies are pinned to the versions helm v3.22.0 uses, so after helm's build only the
// program itself is compiled.
import { ensureGoTool, goToolBinary, goToolModuleDir, runGoTool } from './go-tool';

export const kubeCheckModuleDir = (repoRoot: string): string =>
  goToolModuleDir(repoRoot, 'kube-check');

export const kubeCheckBinary = (repoRoot: string): string => goToolBinary(repoRoot, 'kube-check');

/** Builds kube-check unless the cached binary was built from the same sources with the same Go. */
export const ensureKubeCheck = (repoRoot: string): Promise<string> =>
  ensureGoTool(repoRoot, 'kube-check');

export interface KubeCheckResult {
  kind: string;
  name: string;
  status: 'ok' | 'error' | 'skipped';
  errors?: string[];
}

/** Runs kube-check over multi-document YAML; one result per document. */
export const kubeCheck = (binary: string, manifests: string): Promise<KubeCheckResult[]> =>
  runGoTool<KubeCheckResult>(binary, manifests);
