interface Waiting<T> {
  item: T;
  resolve: () => void;
  reject: (error: unknown) => void;
}

export interface GroupCommitOptions {
  /** The most items one flush takes. Default 100. */
  maxItems?: number;
  /**
   * Before a flush, wait up to this long until as many items wait as the last flush had.
   * Callers that come back with their next item a round trip after their last one was answered
   * (one per partition, or per key within a partition) would otherwise form groups of one or
   * two. Default 0: flush at once.
   */
  gatherMs?: number;
}

/**
 * Group commit: items submitted while a flush runs wait and go in the next flush together, so
 * concurrent callers (the consumer's partitions and keys) share their reads and writes. One
 * flush at a time, items in the order they were submitted. `flush` answers an error (or
 * `undefined`) per item, in order, and only those items fail; a flush that throws fails every
 * item in it, and the next group is flushed all the same.
 */
export class GroupCommitQueue<T> {
  private waiting: Waiting<T>[] = [];
  private flushing = false;
  private lastGroup = 0;
  private arrived: (() => void) | undefined;
  private readonly maxItems: number;
  private readonly gatherMs: number;

  constructor(
    private readonly flush: (items: T[]) => Promise<readonly unknown[]>,
    options: GroupCommitOptions = {},
  ) {
    this.maxItems = options.maxItems ?? 100;
    this.gatherMs = options.gatherMs ?? 0;
  }

  submit(item: T): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ item, resolve, reject });
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
