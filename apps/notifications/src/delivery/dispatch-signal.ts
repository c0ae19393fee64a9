import { Injectable } from '@nestjs/common';

/** Lets the planner wake the dispatcher at once instead of waiting for its next poll. */
@Injectable()
export class DispatchSignal {
  private listener: (() => void) | undefined;

  onWake(listener: () => void): void {
    this.listener = listener;
  }

  wake(): void {
    this.listener?.();
  }
}
