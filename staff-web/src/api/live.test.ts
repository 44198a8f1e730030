import { describe, expect, it } from 'vitest';
import { ApiClient } from './client';
import { LiveApi, SseDecoder, type LiveUpdate } from './live';
import { ApiProblem } from './problems';

describe('SseDecoder', () => {
  it('gives the data of each event, whatever chunks it arrives in', () => {
    const decoder = new SseDecoder();
    expect(decoder.push('data: {"type":"heart')).toEqual([]);
    expect(decoder.push('beat"}\n')).toEqual([]);
    expect(decoder.push('\ndata:{"type":"opened"}\r\n\r')).toEqual(['{"type":"heartbeat"}']);
    expect(decoder.push('\n')).toEqual(['{"type":"opened"}']);
  });

  it('joins multi-line data and ignores comments, names and ids', () => {
    const decoder = new SseDecoder();
    expect(decoder.push(': keep-alive\n\nevent: update\nid: 7\ndata: a\ndata: b\nretry: 10\n\n')).toEqual(['a\nb']);
  });
});

function streaming(chunks: string[], status = 200) {
  const calls: { url: string; init: RequestInit }[] = [];
  const send = (async (url: string, init: RequestInit) => {
    calls.push({ url, init });
    if (status !== 200) {
      return new Response(JSON.stringify({ status, detail: 'no' }), { status, headers: { 'Content-Type': 'application/problem+json' } });
    }
    const body = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const chunk of chunks) {
          controller.enqueue(new TextEncoder().encode(chunk));
        }
        controller.close();
      },
    });
    return new Response(body, { headers: { 'Content-Type': 'text/event-stream' } });
  }) as unknown as typeof fetch;
  return { calls, live: new LiveApi(new ApiClient(async () => 'token-7', 'http://staff', send)) };
}

async function all(updates: AsyncIterable<LiveUpdate>): Promise<LiveUpdate[]> {
  const seen: LiveUpdate[] = [];
  for await (const update of updates) {
    seen.push(update);
  }
  return seen;
}

describe('LiveApi', () => {
  it('reads /api/live with the bearer token and yields each update until the server ends the stream', async () => {
    const { calls, live } = streaming([
      'data: {"type":"heartbeat","conversationId":null,"locationCode":null,"at":"2026-12-03T10:00:00Z"}\n\n',
      'data: {"type":"message-added","conversationId":"c1","locationCode":"north",',
      '"at":"2026-12-03T10:00:01Z"}\n\ndata: not json\n\n',
    ]);
    const updates = await all(live.follow(new AbortController().signal));
    expect(updates.map((u) => [u.type, u.conversationId])).toEqual([
      ['heartbeat', null],
      ['message-added', 'c1'],
    ]);
    const headers = calls[0].init.headers as Record<string, string>;
    expect(calls[0].url).toBe('http://staff/api/live');
    expect(headers.Authorization).toBe('Bearer token-7');
    expect(headers.Accept).toBe('text/event-stream');
    expect(calls[0].init.signal).toBeInstanceOf(AbortSignal);
  });

  it('fails with the API problem when the stream is refused', async () => {
    const { live } = streaming([], 401);
    await expect(all(live.follow(new AbortController().signal))).rejects.toBeInstanceOf(ApiProblem);
    await expect(all(live.follow(new AbortController().signal))).rejects.toMatchObject({ status: 401 });
  });
});
