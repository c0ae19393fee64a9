// Progress bars on stderr: redrawn in place on a terminal, a line every few seconds otherwise.
const WIDTH = 28;

export class Progress {
  private done = 0;
  private lastLine = 0;
  private readonly started = Date.now();
  private readonly tty = process.stderr.isTTY === true;

  constructor(
    private readonly label: string,
    private total: number,
  ) {
    this.draw();
  }

  tick(by = 1): void {
    this.done += by;
    this.draw();
  }

  set(done: number, total = this.total): void {
    this.done = done;
    this.total = total;
    this.draw();
  }

  finish(note = ''): number {
    this.done = this.total;
    const seconds = (Date.now() - this.started) / 1000;
    this.draw(true, note);
    return seconds;
  }

  private draw(final = false, note = ''): void {
    const now = Date.now();
    if (!final && now - this.lastLine < (this.tty ? 100 : 5000)) return;
    this.lastLine = now;
    const fraction = this.total === 0 ? 1 : Math.min(1, this.done / this.total);
    const filled = Math.round(fraction * WIDTH);
    const seconds = ((now - this.started) / 1000).toFixed(1);
    const line = `${this.label.padEnd(44)} [${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${String(this.done).padStart(6)}/${this.total} ${seconds}s ${note}`;
    if (this.tty) process.stderr.write(`\r${line}\x1b[K${final ? '\n' : ''}`);
    else if (final || now - this.started > 0) process.stderr.write(`${line}\n`);
  }
}

/** Runs `work` over `items` with at most `concurrency` in flight, ticking `progress`. */
export const inPool = async <T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
  progress?: Progress,
): Promise<R[]> => {
  const results: R[] = new Array<R>(items.length);
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index], index);
      progress?.tick();
    }
  };
  await Promise.all(Array.from({ length: Math.min(concurrency, items.length) }, worker));
  return results;
};
