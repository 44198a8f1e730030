import type { ApiClient } from './client';

export type LiveUpdateType =
  | 'opened'
  | 'message-added'
  | 'replied'
  | 'assigned'
  | 'status-changed'
  | 'escalated'
  | 'note-added'
  | 'delivery-updated'
  | 'target-flagged'
  | 'heartbeat';

/** Something changed in a conversation at the person's locations. No PHI: the app reads the conversation to see what. */
export interface LiveUpdate {
  type: LiveUpdateType;
  conversationId: string | null;
  locationCode: string | null;
  at: string;
}

/**
 * Cuts a server-sent event stream into the `data` of each event (its `data:` lines joined by newlines), whatever
 * the chunks it arrives in. Comments (`:`), `event:`, `id:` and `retry:` lines are not used by the staff API.
 */
export class SseDecoder {
  private buffer = '';
  private data: string[] = [];

  push(chunk: string): string[] {
    this.buffer += chunk;
    const events: string[] = [];
    let end: number;
    while ((end = this.buffer.search(/\r\n|\r|\n/)) >= 0) {
      // A lone \r at the end may be the first half of \r\n still on its way.
      if (this.buffer[end] === '\r' && end === this.buffer.length - 1) {
        break;
      }
      const line = this.buffer.slice(0, end);
      this.buffer = this.buffer.slice(this.buffer.startsWith('\r\n', end) ? end + 2 : end + 1);
      if (line === '') {
        if (this.data.length) {
          events.push(this.data.join('\n'));
        }
        this.data = [];
      } else if (line.startsWith('data:')) {
        this.data.push(line.slice(line.startsWith('data: ') ? 6 : 5));
      }
    }
    return events;
  }
}

/** conversation-service's live updates (`GET /api/live`); needs the bearer token, so it is read with fetch. */
export class LiveApi {
  constructor(private readonly api: ApiClient) {}

  /** The updates as they come, until the server ends the stream (the token expired) or `signal` aborts it. */
  async *follow(signal: AbortSignal): AsyncGenerator<LiveUpdate> {
    const reader = (await this.api.stream('/api/live', signal)).getReader();
    const text = new TextDecoder();
    const decoder = new SseDecoder();
    try {
      for (;;) {
        const { done, value } = await reader.read();
        if (done) {
          return;
        }
        // stream: true keeps a character split across two chunks whole.
        for (const data of decoder.push(text.decode(value, { stream: true }))) {
          const update = parse(data);
          if (update) {
            yield update;
          }
        }
      }
    } finally {
      // Closes the connection when the reader stops early; harmless once the stream has ended.
      await reader.cancel().catch(() => undefined);
    }
  }
}

/** An event the app cannot read is skipped: it is only a hint to look again, and the next one will come. */
function parse(data: string): LiveUpdate | null {
  try {
    const update = JSON.parse(data) as LiveUpdate;
    return typeof update?.type === 'string' ? update : null;
  } catch {
    return null;
  }
}
