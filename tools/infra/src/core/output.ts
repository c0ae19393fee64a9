/** Progress goes to stderr; stdout carries only what scripts consume (export lines, JSON). */
export interface Output {
  info(line: string): void;
  data(line: string): void;
}

export const consoleOutput: Output = {
  info: (line) => process.stderr.write(`${line}\n`),
  data: (line) => process.stdout.write(`${line}\n`),
};

export function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

/** `export NAME='value'` lines that any POSIX shell can eval. */
export function exportLines(env: Record<string, string>): string[] {
  return Object.entries(env).map(([name, value]) => `export ${name}='${value.replace(/'/g, `'\\''`)}'`);
}
