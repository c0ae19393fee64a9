import type { Logger } from 'pino';

/**
 * After an uncaught exception or unhandled rejection the process state is unknown: log it
 * as fatal and exit 1 so the orchestrator restarts a clean process.
 */
export function installProcessErrorHandlers(
  logger: Pick<Logger, 'fatal'>,
  exit: (code: number) => void = (code) => process.exit(code),
): () => void {
  const onException = (error: Error): void => {
    logger.fatal({ err: error }, 'Uncaught exception; exiting');
    exit(1);
  };
  const onRejection = (reason: unknown): void => {
    logger.fatal({ err: reason }, 'Unhandled promise rejection; exiting');
    exit(1);
  };
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
