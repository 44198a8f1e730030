import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { LiveUpdate, LiveUpdateType } from '../api/live';
import { ApiProblem } from '../api/problems';
import { Changes, LiveFeed, type LiveState } from './liveFeed';

/** One connection to /api/live whose updates, end or failure the test decides. */
class Connection implements AsyncIterable<LiveUpdate> {
  private readonly queue: (LiveUpdate | Error | 'end')[] = [];
  private wake?: () => void;

  constructor(readonly signal: AbortSignal) {}

  send(type: LiveUpdateType, conversationId: string | null = null): void {
    this.push({ type, conversationId, locationCode: conversationId ? 'north' : null, at: '2026-12-03T10:00:00Z' });
  }

  heartbeat(): void {
    this.send('heartbeat');
  }

  end(): void {
    this.push('end');
  }

  fail(error: Error): void {
    this.push(error);
  }

  private push(item: LiveUpdate | Error | 'end'): void {
    this.queue.push(item);
    this.wake?.();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<LiveUpdate> {
    for (;;) {
      while (!this.queue.length) {
        await new Promise<void>((resolve) => (this.wake = resolve));
      }
      const next = this.queue.shift()!;
      if (next === 'end') {
        return;
      }
      if (next instanceof Error) {
        throw next;
      }
      yield next;
    }
  }
}

function feed() {
  const connections: Connection[] = [];
  const changes: Changes[] = [];
  const states: LiveState[] = [];
  const signedOut: ApiProblem[] = [];
  const live = new LiveFeed({
    follow: (signal) => {
      const connection = new Connection(signal);
      connections.push(connection);
      return connection;
    },
    onChange: (c) => changes.push(c),
    onState: (s) => states.push(s),
    onSignedOut: (p) => signedOut.push(p),
  });
  live.start();
  return { live, connections, changes, states, signedOut, latest: () => connections[connections.length - 1] };
}

const settle = (ms: number) => vi.advanceTimersByTimeAsync(ms);

describe('LiveFeed', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('looks at everything once connected, then gathers a burst of updates into one change', async () => {
    const { connections, changes, states } = feed();
    connections[0].heartbeat();
    await settle(300);
    expect(states).toEqual(['connecting', 'live']);
    expect(changes).toHaveLength(1);
    expect(changes[0].everything).toBe(true);

    connections[0].send('message-added', 'c1');
    connections[0].send('replied', 'c1');
    connections[0].send('delivery-updated', 'c2');
    await settle(299);
    expect(changes).toHaveLength(1);
    await settle(1);
    expect(changes).toHaveLength(2);
    expect(changes[1].everything).toBe(false);
    expect([...changes[1].of('c1')]).toEqual(['message-added', 'replied']);
    expect([...changes[1].of('c2')]).toEqual(['delivery-updated']);
    expect(changes[1].of('c3').size).toBe(0);
  });

  it('does not look again for heartbeats', async () => {
    const { connections, changes } = feed();
    connections[0].heartbeat();
    await settle(1000);
    connections[0].heartbeat();
    connections[0].heartbeat();
    await settle(5000);
    expect(changes).toHaveLength(1);
  });

  it('retries a failing connection less and less often, polling slowly meanwhile, and starts over once live', async () => {
    const { connections, changes, states } = feed();
    connections[0].fail(new ApiProblem(0, 'cannot be reached'));
    await settle(0);
    expect(states).toEqual(['connecting', 'reconnecting']);
    await settle(999);
    expect(connections).toHaveLength(1);
    await settle(1);
    expect(connections).toHaveLength(2);
    connections[1].fail(new ApiProblem(503, 'down'));
    await settle(1999);
    expect(connections).toHaveLength(2);
    await settle(1);
    expect(connections).toHaveLength(3);
    connections[2].fail(new ApiProblem(0, 'cannot be reached'));
    await settle(4000);
    expect(connections).toHaveLength(4);
    // 7 s without a stream so far; the first slow poll comes at 15 s.
    connections[3].fail(new ApiProblem(0, 'cannot be reached'));
    await settle(8000);
    expect(changes.map((c) => c.everything)).toEqual([true]);
    expect(connections).toHaveLength(5);

    connections[4].heartbeat();
    await settle(300);
    expect(states[states.length - 1]).toBe('live');
    expect(changes).toHaveLength(2);
    await settle(60_000);
    expect(changes).toHaveLength(2);
    // Working again: the next failure is retried after the first pause, not the fifth.
    connections[4].fail(new ApiProblem(0, 'cannot be reached'));
    await settle(1000);
    expect(connections).toHaveLength(6);
  });

  it('opens a new stream when the server ends one (the token expired) and looks at everything again', async () => {
    const { connections, changes } = feed();
    connections[0].heartbeat();
    await settle(300);
    connections[0].end();
    await settle(1000);
    expect(connections).toHaveLength(2);
    connections[1].heartbeat();
    await settle(300);
    expect(changes.map((c) => c.everything)).toEqual([true, true]);
  });

  it('stops for good on a 401: the sign-in is over', async () => {
    const { connections, changes, signedOut } = feed();
    connections[0].fail(new ApiProblem(401, 'expired'));
    await settle(120_000);
    expect(signedOut.map((p) => p.status)).toEqual([401]);
    expect(connections).toHaveLength(1);
    expect(changes).toHaveLength(0);
  });

  it('closes the stream and its timers when stopped', async () => {
    const { live, connections, changes } = feed();
    connections[0].heartbeat();
    connections[0].send('opened', 'c1');
    live.stop();
    expect(connections[0].signal.aborted).toBe(true);
    await settle(120_000);
    expect(changes).toHaveLength(0);
    expect(connections).toHaveLength(1);
  });
});

describe('Changes', () => {
  it('adds up what two looks would have seen', () => {
    const first = new Changes();
    first.add({ type: 'message-added', conversationId: 'c1', locationCode: 'north', at: '2026-12-03T10:00:00Z' });
    const second = new Changes(true);
    second.add({ type: 'note-added', conversationId: 'c1', locationCode: 'north', at: '2026-12-03T10:00:01Z' });
    const both = first.with(second);
    expect(both.everything).toBe(true);
    expect([...both.of('c1')]).toEqual(['message-added', 'note-added']);
    expect(first.everything).toBe(false);
    expect([...first.of('c1')]).toEqual(['message-added']);
  });
});
