/** Runs `fn` once and returns its value with the elapsed milliseconds. */
export function timed<T>(fn: () => T): { value: T; ms: number } {
  const start = performance.now();
  const value = fn();
  return { value, ms: performance.now() - start };
}

export const median = (xs: readonly number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};

export const ms = (x: number): string => `${x.toFixed(x < 10 ? 1 : 0)} ms`;

/** One aligned "label  value" line. */
export function row(label: string, value: string): void {
  process.stdout.write(`  ${label.padEnd(44)} ${value}\n`);
}

export function heading(text: string): void {
  process.stdout.write(`\n${text}\n`);
}
