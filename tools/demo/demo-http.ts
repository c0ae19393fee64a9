// A small JSON client for the services' REST APIs: a non-2xx answer throws with the
// problem+json detail, a 429 or a dropped connection is retried a few times.
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: unknown,
    what: string,
  ) {
    super(`${what} answered ${status}: ${JSON.stringify(body).slice(0, 500)}`);
  }
}

export interface CallOptions {
  method?: string;
  token: string;
  body?: unknown;
  /** Statuses accepted besides 2xx (returned instead of thrown). */
  allow?: number[];
  /** A body sent as it is (a CSV file, say) with this content type, instead of JSON. */
  file?: { text: string; contentType: string };
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export const call = async <T = Record<string, unknown>>(
  url: string,
  options: CallOptions,
): Promise<{ status: number; body: T }> => {
  const method =
    options.method ?? (options.body === undefined && options.file === undefined ? 'GET' : 'POST');
  for (let attempt = 1; ; attempt++) {
    let response: Response;
    try {
      response = await fetch(url, {
        method,
        headers: {
          authorization: `Bearer ${options.token}`,
          ...(options.body !== undefined && { 'content-type': 'application/json' }),
          ...(options.file && { 'content-type': options.file.contentType }),
        },
        body:
          options.file?.text ??
          (options.body === undefined ? undefined : JSON.stringify(options.body)),
        signal: AbortSignal.timeout(60_000),
      });
    } catch (error) {
      if (attempt < 4 && method === 'GET') {
        await pause(500 * attempt);
        continue;
      }
      throw new Error(`${method} ${url}: ${(error as Error).message}`);
    }
    const text = await response.text();
    const body = (text === '' ? {} : JSON.parse(text)) as T;
    if (response.status === 429 && attempt < 6) {
      await pause(1000 * attempt);
      continue;
    }
    if (response.ok || options.allow?.includes(response.status))
      return { status: response.status, body };
    throw new ApiError(response.status, body, `${method} ${url}`);
  }
};

/** Every item of a keyset-paged list (`{ items, nextCursor }`). */
export const listAll = async <T>(url: string, token: string): Promise<T[]> => {
  const items: T[] = [];
  let cursor: string | null = null;
  do {
    const separator = url.includes('?') ? '&' : '?';
    const page: { body: { items: T[]; nextCursor: string | null } } = await call(
      `${url}${separator}limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      { token },
    );
    items.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return items;
};
