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
    const headers: Record<string, string> = { Accept: 'application/json', ...request.headers };
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
      });
    } catch {
      throw new ApiProblem(0, describeProblem(0));
    }
    if (!response.ok) {
      throw await problemFrom(response, request.notFound);
    }
    if (response.status === 204) {
      return undefined as T;
    }
    return (await response.json()) as T;
  }
}
