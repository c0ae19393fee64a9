/** True when a write failed only because some ids exist already (code 11000 for every document). */
export const isDuplicateKeyOnly = (error: unknown): boolean => {
  const writeErrors = (error as { writeErrors?: { code?: number; err?: { code?: number } }[] })
    ?.writeErrors;
  if (Array.isArray(writeErrors) && writeErrors.length > 0) {
    return writeErrors.every((e) => (e.code ?? e.err?.code) === 11000);
  }
  return (error as { code?: unknown })?.code === 11000;
};
