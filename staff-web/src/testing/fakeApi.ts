import { expect } from 'vitest';
import { ApiClient } from '../api/client';
import { ApiProblem } from '../api/problems';

export interface Call {
  url: string;
  init: RequestInit;
}

/** An ApiClient whose server answers every call with `status` and `body` (JSON, or a problem document from 400 on). */
export function answering(status: number, body: unknown, contentType?: string): { calls: Call[]; client: ApiClient } {
  const calls: Call[] = [];
  const send = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    return new Response(body === undefined ? null : JSON.stringify(body), {
      status,
      headers: { 'Content-Type': contentType ?? (status < 400 ? 'application/json' : 'application/problem+json') },
    });
  }) as unknown as typeof fetch;
  return { calls, client: new ApiClient(async () => 'token-1', '', send) };
}

/** The ApiProblem a call failed with; the test fails if it did not. */
export async function failureOf(promise: Promise<unknown>): Promise<ApiProblem> {
  try {
    await promise;
  } catch (e) {
    expect(e).toBeInstanceOf(ApiProblem);
    return e as ApiProblem;
  }
  throw new Error('the call did not fail');
}
