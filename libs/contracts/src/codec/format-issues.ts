import type { z } from 'zod';

/** `data.pingId: Invalid input` style lines, one per zod issue. */
export const formatIssues = (error: z.ZodError, prefix = ''): string[] =>
  error.issues.map((issue) => {
    const path = [prefix, ...issue.path.map(String)].filter((part) => part !== '').join('.');
    return path === '' ? issue.message : `${path}: ${issue.message}`;
  });
