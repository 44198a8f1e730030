import type { LiveUpdate, LiveUpdateType } from '../api/live';
import { ApiProblem } from '../api/problems';

/** What changed since the app last looked. `everything` after a (re)connection or a poll: nothing is replayed. */
export class Changes {
  readonly byConversation = new Map<string, Set<LiveUpdateType>>();

  constructor(readonly everything = false) {}

  add(update: LiveUpdate): void {
    if (update.conversationId) {
      const types = this.byConversation.get(update.conversationId) ?? new Set<LiveUpdateType>();
      types.add(update.type);
      this.byConversation.set(update.conversationId, types);
    }
  }

  /** Both together: what the app has not looked at yet when a look is superseded by the next. */
  with(other: Changes): Changes {
    const both = new Changes(this.everything || other.everything);
    for (const changes of [this, other]) {
      for (const [id, types] of changes.byConversation) {
        both.byConversation.set(id, new Set([...(both.byConversation.get(id) ?? []), ...types]));
      }
    }
    return both;
  }

  /** The types of change heard for one conversation (empty when none was heard). */
  of(conversationId: string): ReadonlySet<LiveUpdateType> {
    return this.byConversation.get(conversationId) ?? new Set();
  }
}

export type LiveState = 'connecting' | 'live' | 'reconnecting';

export interface LiveFeedOptions {
  /** The stream of updates; it ends when the token expires, and is opened again with a fresh one. */
  follow: (signal: AbortSignal) => AsyncIterable<LiveUpdate>;
  /** Called once a burst of updates has been gathered, and on every poll while the stream is down. */
  onChange: (changes: Changes) => void;
  onState?: (state: LiveState) => void;
  /** A 401 on connecting: the sign-in is over, trying again would not help. */
  onSignedOut: (problem: ApiProblem) => void;
  /** A burst (a reply, its message-added and delivery updates) becomes one look at the inbox. */
  gatherMs?: number;
  /** While the stream is down the inbox is still read, slowly. */
  pollMs?: number;
  firstRetryMs?: number;
  maxRetryMs?: number;
}

/**
 * Keeps the inbox current from conversation-service's live updates: gathers each burst into one {@link Changes},
 * reconnects with a growing pause (the token is fetched afresh each time), looks at everything again after each
 * connection since nothing is replayed, and polls slowly while it is disconnected.
 */
export class LiveFeed {
  private readonly gatherMs: number;
  private readonly pollMs: number;
  private readonly firstRetryMs: number;
  private readonly maxRetryMs: number;
  private pending?: Changes;
  private gatherTimer?: ReturnType<typeof setTimeout>;
  private pollTimer?: ReturnType<typeof setInterval>;
  private retryTimer?: ReturnType<typeof setTimeout>;
  private controller?: AbortController;
  private failures = 0;
  private stopped = false;

  constructor(private readonly options: LiveFeedOptions) {
    this.gatherMs = options.gatherMs ?? 300;
    this.pollMs = options.pollMs ?? 15_000;
    this.firstRetryMs = options.firstRetryMs ?? 1000;
    this.maxRetryMs = options.maxRetryMs ?? 30_000;
  }

  start(): void {
    this.stopped = false;
    this.options.onState?.('connecting');
    void this.connect();
  }

  stop(): void {
    this.stopped = true;
    this.controller?.abort();
    clearTimeout(this.gatherTimer);
    clearTimeout(this.retryTimer);
    clearInterval(this.pollTimer);
    this.pending = this.gatherTimer = this.retryTimer = this.pollTimer = undefined;
  }

  private async connect(): Promise<void> {
    const controller = (this.controller = new AbortController());
    let connected = false;
    try {
      for await (const update of this.options.follow(controller.signal)) {
        if (controller.signal.aborted) {
          return;
        }
        if (!connected) {
          connected = true;
          this.failures = 0;
          clearInterval(this.pollTimer);
          this.pollTimer = undefined;
          this.options.onState?.('live');
          this.gather(new Changes(true));
        }
        if (update.type !== 'heartbeat') {
          this.gather(update);
        }
      }
    } catch (e) {
      if (!this.stopped && e instanceof ApiProblem && e.status === 401) {
        this.stop();
        this.options.onSignedOut(e);
        return;
      }
    }
    if (this.stopped) {
      return;
    }
    this.options.onState?.('reconnecting');
    this.pollTimer ??= setInterval(() => this.options.onChange(new Changes(true)), this.pollMs);
    // A stream that ended after working (the token expired) is opened again soon; a failing one less and less often.
    const pause = Math.min(this.maxRetryMs, this.firstRetryMs * 2 ** this.failures++);
    this.retryTimer = setTimeout(() => void this.connect(), pause);
  }

  private gather(change: LiveUpdate | Changes): void {
    if (change instanceof Changes) {
      this.pending = this.pending ? this.pending.with(change) : change;
    } else {
      (this.pending ??= new Changes()).add(change);
    }
    // Not restarted by every update: a steady flow still shows up within gatherMs.
    this.gatherTimer ??= setTimeout(() => {
      const changes = this.pending!;
      this.pending = this.gatherTimer = undefined;
      this.options.onChange(changes);
    }, this.gatherMs);
  }
}
