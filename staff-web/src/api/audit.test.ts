import { describe, expect, it } from 'vitest';
import { AuditApi } from './audit';
import { answering, failureOf } from '../testing/fakeApi';

describe('AuditApi', () => {
  it('searches with only the filters given, and pages', async () => {
    const { calls, client } = answering(200, { entries: [], page: 2, size: 50, total: 0 });
    await new AuditApi(client).search({ actor: 'frontdesk.north', action: 'conversation.read', from: '2026-12-01T00:00:00.000Z' }, 2);
    expect(calls[0].url).toBe(
      '/api/audit/events?actor=frontdesk.north&action=conversation.read&from=2026-12-01T00%3A00%3A00.000Z&page=2&size=50',
    );
    expect(calls[0].init.headers).toMatchObject({ Authorization: 'Bearer token-1' });
  });

  it('lists who read a conversation by its id and verifies the chain', async () => {
    const { calls, client } = answering(200, { intact: true, entries: 3 });
    const api = new AuditApi(client);
    await api.readers('c/1', 1);
    expect(await api.verify()).toEqual({ intact: true, entries: 3 });
    expect(calls.map((c) => c.url)).toEqual(['/api/audit/conversations/c%2F1/readers?page=1&size=50', '/api/audit/verify']);
  });

  it('exports as a file with the name the service suggests, asking for any type', async () => {
    const calls: { url: string; init: RequestInit }[] = [];
    const send = (async (url: string, init: RequestInit) => {
      calls.push({ url, init });
      return new Response('seq,eventId\n1,e1\n', {
        status: 200,
        headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="carethread-audit.csv"' },
      });
    }) as unknown as typeof fetch;
    const { ApiClient } = await import('./client');
    const { file, name } = await new AuditApi(new ApiClient(async () => 't', '', send)).export('csv', { conversationId: 'c1' });
    expect(calls[0].url).toBe('/api/audit/export?format=csv&conversationId=c1');
    expect(calls[0].init.headers).toMatchObject({ Accept: '*/*' });
    expect(name).toBe('carethread-audit.csv');
    expect(await file.text()).toBe('seq,eventId\n1,e1\n');
  });

  it('says a refused filter in the service\'s words', async () => {
    const { client } = answering(400, { status: 400, detail: "'from' must be an ISO-8601 date-time with offset" });
    expect((await failureOf(new AuditApi(client).search({ from: 'yesterday' }, 0))).plainMessage).toBe(
      "That did not go through: 'from' must be an ISO-8601 date-time with offset",
    );
  });
});
