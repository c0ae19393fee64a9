interface Queued<T> {
  item: T;
  settle: (error: Error | undefined) => void;
}

/**
 * Hands work to `flush` in groups: what arrives while a flush runs (the consumer's partitions
 * are handled concurrently) waits and goes in the next flush together, at most `maxItems` at
 * once, one flush at a time. Before a flush it waits up to `gatherMs` until as many items wait as
 * the last flush had: those callers (one per partition) come back with their next item a few
 * database round trips after their last one was answered, and would otherwise form groups of
 * one or two. `flush` answers one error or `undefined` per item, in order; when it throws, every
 * item of that flush fails with the error.
 */
export class PlanningQueue<T> {
  private waiting: Queued<T>[] = [];
  private flushing = false;
  private lastGroup = 0;
  private arrived: (() => void) | undefined;

  constructor(
    private readonly flush: (items: T[]) => Promise<(Error | undefined)[]>,
    private readonly maxItems = 50,
    private readonly gatherMs = 0,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({
        item,
        settle: (error) => (error === undefined ? resolve() : reject(error)),
      });
      this.arrived?.();
      if (!this.flushing) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.flushing = true;
    while (this.waiting.length > 0) {
      const expected = Math.min(this.lastGroup, this.maxItems);
      if (this.gatherMs > 0 && this.waiting.length < expected) await this.gather(expected);
      const group = this.waiting.splice(0, this.maxItems);
      this.lastGroup = group.length;
      const errors = await this.flush(group.map((queued) => queued.item)).catch((error: unknown) =>
        group.map(() => (error instanceof Error ? error : new Error(String(error)))),
      );
      group.forEach((queued, index) => queued.settle(errors[index]));
    }
    this.flushing = false;
  }

  /** Resolves once `count` items wait, or after `gatherMs`. */
  private gather(count: number): Promise<void> {
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.arrived = undefined;
        resolve();
      };
      const timer = setTimeout(done, this.gatherMs);
      this.arrived = () => {
        if (this.waiting.length >= count) done();
      };
    });
  }
}
