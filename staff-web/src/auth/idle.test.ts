import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { IdleTimer } from './idle';

describe('IdleTimer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  function timer() {
    const seen: string[] = [];
    const idle = new IdleTimer({
      timeoutMs: 15 * 60_000,
      warningMs: 60_000,
      onWarning: (left) => seen.push(`warn ${Math.ceil(left / 1000)}`),
      onActive: () => seen.push('active'),
      onTimeout: () => seen.push('signed out'),
    });
    idle.start(new EventTarget());
    return { idle, seen };
  }

  it('warns one minute before the 15 minutes are up, then signs out', () => {
    const { seen } = timer();
    vi.advanceTimersByTime(14 * 60_000 - 1000);
    expect(seen).toEqual([]);
    vi.advanceTimersByTime(1000);
    expect(seen).toEqual(['warn 60']);
    vi.advanceTimersByTime(60_000);
    expect(seen.at(-1)).toBe('signed out');
    expect(seen.filter((s) => s === 'signed out')).toHaveLength(1);
  });

  it('starts over when the person does something, and takes back the warning', () => {
    const { idle, seen } = timer();
    vi.advanceTimersByTime(14 * 60_000 + 5000);
    idle.activity();
    expect(seen.at(-1)).toBe('active');
    vi.advanceTimersByTime(13 * 60_000);
    expect(seen).not.toContain('signed out');
  });
});
