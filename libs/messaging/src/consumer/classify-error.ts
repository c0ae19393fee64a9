/**
 * - `invalid`: the message itself is wrong; retrying cannot help → dead-letter at once.
 * - `transient`: a dependency is unavailable; retry without limit (the message is fine).
 * - `failed`: unexpected; retry a bounded number of times, then dead-letter.
 */
export type ErrorClass = 'invalid' | 'transient' | 'failed';

const INVALID_CODES = new Set(['CONTRACT_VIOLATION', 'PERMANENT_EVENT_ERROR']);

const TRANSIENT_NAMES = new Set([
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoServerSelectionError',
  'MongooseServerSelectionError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoPoolClearedError',
  'MongoWriteConcernError',
  'DisconnectedError',
  'KafkaJSConnectionError',
  'KafkaJSRequestTimeoutError',
  'KafkaJSNumberOfRetriesExceeded',
  'KafkaJSBrokerNotFound',
  'KafkaJSConnectionClosedError',
  'KafkaJSLockTimeout',
]);

const TRANSIENT_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EHOSTUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);

const TRANSIENT_LABELS = [
  'RetryableWriteError',
  'ResetPool',
  'TransientTransactionError',
  'NetworkError',
];

interface ErrorLike {
  name?: unknown;
  code?: unknown;
  retriable?: unknown;
  transient?: unknown;
  errorLabelSet?: unknown;
  errorResponse?: unknown;
  cause?: unknown;
}

export const classifyError = (error: unknown, depth = 0): ErrorClass => {
  if (typeof error !== 'object' || error === null) return 'failed';
  const e = error as ErrorLike;
  if (typeof e.code === 'string' && INVALID_CODES.has(e.code)) return 'invalid';
  if (e.name === 'ZodError') return 'invalid';
  if (e.transient === true || e.retriable === true) return 'transient';
  if (typeof e.name === 'string' && TRANSIENT_NAMES.has(e.name)) return 'transient';
  if (typeof e.code === 'string' && TRANSIENT_CODES.has(e.code)) return 'transient';
  if (
    e.errorLabelSet instanceof Set &&
    TRANSIENT_LABELS.some((label) => (e.errorLabelSet as Set<string>).has(label))
  ) {
    return 'transient';
  }
  // The driver's MongoBulkWriteError (insertMany, bulkWrite) keeps the error that failed the
  // whole batch in `errorResponse`, not in `cause`: a server selection or network error while
  // the database is down must be retried like the same error from a single write.
  if (typeof e.errorResponse === 'object' && e.errorResponse !== null && depth < 3) {
    if (classifyError(e.errorResponse, depth + 1) === 'transient') return 'transient';
  }
  if (e.cause !== undefined && depth < 3) return classifyError(e.cause, depth + 1);
  return 'failed';
};
