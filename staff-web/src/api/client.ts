import { ApiProblem, describeProblem, problemFrom } from './problems';

/** Gives a fresh access token, refreshing it first when it is about to expire. */
export type TokenSource = () => Promise<string>;

export interface ApiRequest {
  method?: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  body?: unknown;
  headers?: Record<string, string>;
  /** What a 404 means for this call, in plain words (the default speaks of a conversation). */
  notFound?: string;
}

/**
 * The one way the app talks to the staff API: same origin (the staff gateway), bearer token on every call, JSON in
 * and out, and every failure turned into an {@link ApiProblem} that can be shown as it is.
 */
export class ApiClient {
  constructor(
    private readonly token: TokenSource,
    private readonly baseUrl = '',
    private readonly send: typeof fetch = (input, init) => fetch(input, init),
  ) {}

  async request<T>(path: string, request: ApiRequest = {}): Promise<T> {
    const response = await this.call(path, request, 'application/json');
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }

  /**
   * A file the server offers as a download (an audit export), held in memory only, with the name it suggests. Sent
   * with `Accept` any type, because the answer's type depends on what was asked for.
   */
  async download(path: string): Promise<{ file: Blob; name: string | null }> {
    const response = await this.call(path, {}, '*/*');
    const disposition = response.headers.get('Content-Disposition') ?? '';
    return { file: await response.blob(), name: /filename="([^"]+)"/.exec(disposition)?.[1] ?? null };
  }

  /** An open stream (server-sent events), with the same token and errors as any call; `signal` ends it. */
  async stream(path: string, signal: AbortSignal): Promise<ReadableStream<Uint8Array>> {
    const response = await this.call(path, { signal }, 'text/event-stream');
    if (!response.body) {
      throw new ApiProblem(0, describeProblem(0));
    }
    return response.body;
  }

  private async call(path: string, request: ApiRequest & { signal?: AbortSignal }, accept: string): Promise<Response> {
    const headers: Record<string, string> = { Accept: accept, ...request.headers };
    headers.Authorization = `Bearer ${await this.token()}`;
    if (request.body !== undefined) {
      headers['Content-Type'] = 'application/json';
    }
    let response: Response;
    try {
      response = await this.send(this.baseUrl + path, {
        method: request.method ?? 'GET',
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        // Answers hold PHI: never keep them in the browser's HTTP cache.
        cache: 'no-store',
        credentials: 'omit',
        signal: request.signal,
      });
    } catch {
      throw new ApiProblem(0, describeProblem(0));
    }
    if (!response.ok) {
      throw await problemFrom(response, request.notFound);
    }
    return response;
  }
}
