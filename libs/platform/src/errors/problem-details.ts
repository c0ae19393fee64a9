import type { FieldError } from './domain-error';

export const PROBLEM_CONTENT_TYPE = 'application/problem+json; charset=utf-8';
export const PROBLEM_TYPE_BASE = 'https://medmentor.dev/problems/';

/** RFC 9457 problem details, with MedMentor's extension members. */
export interface ProblemDetails {
  /** `https://medmentor.dev/problems/<code>`, or `about:blank` for a plain HTTP status. */
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail?: string;
  /** The request path. */
  readonly instance?: string;
  /** Stable identifier clients can branch on. */
  readonly code: string;
  readonly correlationId?: string;
  readonly errors?: readonly FieldError[];
}

export const problemTypeFor = (code: string): string =>
  `${PROBLEM_TYPE_BASE}${encodeURIComponent(code)}`;
