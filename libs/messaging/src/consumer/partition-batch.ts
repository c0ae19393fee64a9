export interface BatchMessage {
  offset: string;
  /** Messages with the same key are processed one after the other, in offset order. */
  key: Buffer | string | null;
}

export interface PartitionBatchOptions {
  /** Messages of the partition in flight at once; they all have different keys. */
  concurrency: number;
  /** False once no further message may start (shutdown, rebalance, a seek). */
  shouldContinue(): boolean;
  /** The offset of the last message up to which every message has finished. */
  resolve(offset: string): void;
}

export interface PartitionBatchResult {
  /** Messages finished from the start of the batch without a gap (their offsets are resolved). */
  resolved: number;
  /** What the first failing message threw; nothing starts after it. */
  failure?: { error: unknown };
}

type State = 'waiting' | 'running' | 'done' | 'failed';

/** Messages without a key share one sequence: nothing says they may be reordered. */
const NO_KEY = '\u0000';

const keyOf = (message: BatchMessage): string =>
  message.key === null
    ? NO_KEY
    : typeof message.key === 'string'
      ? message.key
      : message.key.toString('latin1');

/**
 * Processes one partition's batch: messages with different keys concurrently (at most
 * `concurrency` at once), messages with the same key strictly one after the other in offset
 * order, since an aggregate's events must apply in order. Offsets are resolved only up to the
 * last message before which every message has finished, never past an unfinished one, so a
 * crash redelivers from the first unfinished message. Once `shouldContinue` answers false or a
 * message throws, nothing more starts; the messages already running are awaited, and the
 * result says how far the batch got.
 */
export const runPartitionBatch = <T extends BatchMessage>(
  messages: readonly T[],
  process: (message: T) => Promise<unknown>,
  options: PartitionBatchOptions,
): Promise<PartitionBatchResult> =>
  new Promise<PartitionBatchResult>((settle) => {
    const states: State[] = messages.map(() => 'waiting');
    const keys = messages.map(keyOf);
    const runningKeys = new Set<string>();
    let running = 0;
    let resolved = 0;
    let firstWaiting = 0;
    let failure: { error: unknown } | undefined;

    const advance = () => {
      const before = resolved;
      while (resolved < messages.length && states[resolved] === 'done') resolved += 1;
      if (resolved > before) options.resolve(messages[resolved - 1].offset);
    };

    const start = (index: number) => {
      states[index] = 'running';
      running += 1;
      runningKeys.add(keys[index]);
      const finish = (state: State) => {
        states[index] = state;
        running -= 1;
        runningKeys.delete(keys[index]);
        advance();
        pump();
      };
      // A synchronous throw becomes a rejection, like an asynchronous one.
      Promise.resolve()
        .then(() => process(messages[index]))
        .then(
          () => finish('done'),
          (error: unknown) => {
            failure ??= { error };
            finish('failed');
          },
        );
    };

    const pump = () => {
      while (firstWaiting < messages.length && states[firstWaiting] !== 'waiting')
        firstWaiting += 1;
      if (failure === undefined && options.shouldContinue()) {
        // A key is blocked while one of its messages runs or an earlier one still waits.
        const blocked = new Set<string>(runningKeys);
        for (
          let index = firstWaiting;
          index < messages.length && running < options.concurrency;
          index += 1
        ) {
          if (states[index] !== 'waiting') continue;
          if (blocked.has(keys[index])) continue;
          blocked.add(keys[index]);
          start(index);
        }
      }
      if (running === 0) settle({ resolved, ...(failure ? { failure } : {}) });
    };

    pump();
  });
