import { describe, expect, it } from 'vitest';
import { ApiClient } from './client';
import { answering, failureOf } from '../testing/fakeApi';

describe('ApiClient', () => {
  it('sends the bearer token and JSON, and reads JSON back', async () => {
    const { calls, client } = answering(202, { id: 'r1' });
    const answer = await client.request<{ id: string }>('/api/x', { method: 'POST', body: { text: 'hi' } });
    expect(answer).toEqual({ id: 'r1' });
    const headers = calls[0].init.headers as Record<string, string>;
    expect(calls[0].url).toBe('/api/x');
    expect(headers.Authorization).toBe('Bearer token-1');
    expect(headers['Content-Type']).toBe('application/json');
    expect(calls[0].init.body).toBe('{"text":"hi"}');
    expect(calls[0].init.cache).toBe('no-store');
  });

  it('shows the problem detail of a 400 in plain words', async () => {
    const { client } = answering(400, { title: 'Bad Request', status: 400, detail: 'text must be 1 to 1600 characters' });
    const problem = await failureOf(client.request('/api/x'));
    expect(problem.status).toBe(400);
    expect(problem.plainMessage).toBe('That did not go through: text must be 1 to 1600 characters');
    expect(problem.problem?.title).toBe('Bad Request');
  });

  it('explains a 404 as a conversation out of reach, not a technical error', async () => {
    const { client } = answering(404, { title: 'Not Found', status: 404, detail: 'no conversation abc' });
    const problem = await failureOf(client.request('/api/conversations/abc'));
    expect(problem.plainMessage).toBe('This conversation is not available to you. It may belong to another location.');
  });

  it('asks to sign in again on a 401 and does not leak a server error on a 500', async () => {
    expect((await failureOf(answering(401, undefined, 'text/plain').client.request('/api/x'))).plainMessage).toBe(
      'Your sign-in has expired. Please sign in again.',
    );
    const serverError = await failureOf(answering(500, { detail: 'NullPointerException at line 3' }).client.request('/api/x'));
    expect(serverError.plainMessage).not.toContain('NullPointer');
    expect(serverError.plainMessage).toContain('CareThread had a problem');
  });

  it('survives an error answer that is not JSON at all', async () => {
    const send = (async () => new Response('<html>bad gateway</html>', { status: 502, headers: { 'Content-Type': 'application/json' } })) as unknown as typeof fetch;
    const problem = await failureOf(new ApiClient(async () => 't', '', send).request('/api/x'));
    expect(problem.status).toBe(502);
    expect(problem.problem).toBeUndefined();
  });

  it('reports no answer at all as a connection problem', async () => {
    const send = (async () => {
      throw new TypeError('Failed to fetch');
    }) as unknown as typeof fetch;
    const problem = await failureOf(new ApiClient(async () => 't', '', send).request('/api/x'));
    expect(problem.status).toBe(0);
    expect(problem.plainMessage).toContain('cannot be reached');
  });
});
