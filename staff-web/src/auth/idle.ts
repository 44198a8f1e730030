/**
 * Signs the person out after a quiet spell at the desk (a shared front-desk screen must not stay open on patient
 * messages), with a warning a minute before. Only the person's own input counts as activity: the inbox refreshing
 * itself does not.
 */
export interface IdleOptions {
  timeoutMs: number;
  warningMs: number;
  onWarning: (msLeft: number) => void;
  onActive: () => void;
  onTimeout: () => void;
}

const ACTIVITY = ['pointerdown', 'keydown', 'wheel', 'touchstart', 'mousemove'] as const;

export class IdleTimer {
  private lastActivity = Date.now();
  private warned = false;
  private ticker?: ReturnType<typeof setInterval>;
  private readonly noteActivity = () => this.activity();

  constructor(private readonly options: IdleOptions) {}

  start(target: Pick<EventTarget, 'addEventListener'> = window): void {
    for (const type of ACTIVITY) {
      target.addEventListener(type, this.noteActivity, { passive: true, capture: true });
    }
    // A ticker rather than one long timeout: a laptop that slept past the deadline signs out as soon as it wakes.
    this.ticker = setInterval(() => this.check(), 1000);
  }

  stop(): void {
    clearInterval(this.ticker);
  }

  activity(): void {
    this.lastActivity = Date.now();
    if (this.warned) {
      this.warned = false;
      this.options.onActive();
    }
  }

  check(): void {
    const left = this.options.timeoutMs - (Date.now() - this.lastActivity);
    if (left <= 0) {
      this.stop();
      this.options.onTimeout();
    } else if (left <= this.options.warningMs) {
      this.warned = true;
      this.options.onWarning(left);
    }
  }
}
