/**
 * Thrown by a handler when an event can never be applied (it contradicts what the
 * service knows). The message goes to the dead-letter topic at once, without retries.
 */
export class PermanentEventError extends Error {
  readonly code: string = 'PERMANENT_EVENT_ERROR';

  constructor(message: string) {
    super(message);
    this.name = 'PermanentEventError';
  }
}
