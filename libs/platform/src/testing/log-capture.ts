import { Writable } from 'node:stream';

/** A pino destination that keeps parsed JSON lines, for asserting on logs in tests. */
export class LogCapture extends Writable {
  readonly lines: Record<string, unknown>[] = [];

  override _write(
    chunk: Buffer,
    _encoding: BufferEncoding,
    callback: (error?: Error | null) => void,
  ): void {
    for (const line of chunk.toString('utf8').split('\n')) {
      if (line.trim() !== '') this.lines.push(JSON.parse(line) as Record<string, unknown>);
    }
    callback();
  }

  /** Lines whose `msg` contains `text`. */
  withMessage(text: string): Record<string, unknown>[] {
    return this.lines.filter(
      (line) => typeof line['msg'] === 'string' && line['msg'].includes(text),
    );
  }
}
