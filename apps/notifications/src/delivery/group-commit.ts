interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit: items submitted while a flush runs wait for the next flush and go in it
 * together, so concurrent callers (the consumer's partitions) share reads and writes without a
 * timer. One flush at a time. `flush` answers an error (or nothing) per item, in order; a flush
 * that throws fails every item in it.
 */
export class GroupCommit<T> {
  private queue: Waiting<T>[] = [];
  private running = false;

  constructor(
    private readonly flush: (items: T[]) => Promise<unknown[]>,
    private readonly maxItems = 100,
  ) {}

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ item, resolve, reject });
      if (!this.running) void this.drain();
    });
  }

  private async drain(): Promise<void> {
    this.running = true;
    while (this.queue.length > 0) {
      const group = this.queue.splice(0, this.maxItems);
      try {
        const errors = await this.flush(group.map((waiting) => waiting.item));
        group.forEach((waiting, index) => {
          const error = errors[index];
          if (error === undefined) waiting.resolve();
          else waiting.reject(error);
        });
      } catch (error) {
        for (const waiting of group) waiting.reject(error);
      }
    }
    this.running = false;
  }
}
