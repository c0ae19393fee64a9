interface Queued<T> {
  item: T;
  settle: (error: Error | undefined) => void;
}

/**
 * Hands work to `flush` in groups, without a timer: what arrives while a flush runs (the
 * consumer's partitions are handled concurrently) waits and goes in the next flush together,
 * at most `maxItems` at once, one flush at a time. `flush` answers one error or `undefined` per
 * item, in order; when it throws, every item of that flush fails with the error.
 */
export class PlanningQueue<T> {
  private waiting: Queued<T>[] = [];
  private flushing = false;

  constructor(
    private readonly flush: (items: T[]) => Promise<(Error | undefined)[]>,
    private readonly maxItems = 50,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({
        item,
        settle: (error) => (error === undefined ? resolve() : reject(error)),
      });
      if (!this.flushing) void this.run();
    });
  }

  private async run(): Promise<void> {
    this.flushing = true;
    while (this.waiting.length > 0) {
      const group = this.waiting.splice(0, this.maxItems);
      const errors = await this.flush(group.map((queued) => queued.item)).catch((error: unknown) =>
        group.map(() => (error instanceof Error ? error : new Error(String(error)))),
      );
      group.forEach((queued, index) => queued.settle(errors[index]));
    }
    this.flushing = false;
  }
}
