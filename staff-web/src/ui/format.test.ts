import { describe, expect, it } from 'vitest';
import { instantOf, when } from './format';

describe('times in words', () => {
  const now = new Date(2026, 11, 4, 15, 0);

  it('gives the time today, the day before, and the year only when it is not this one', () => {
    expect(when(new Date(2026, 11, 4, 9, 5).toISOString(), now)).not.toMatch(/Dec/);
    expect(when(new Date(2026, 11, 3, 9, 5).toISOString(), now)).toMatch(/^Dec 3,/);
    expect(when(new Date(2026, 11, 3, 9, 5).toISOString(), now)).not.toMatch(/2026/);
    expect(when(new Date(2031, 0, 1, 0, 0).toISOString(), now)).toMatch(/2031/);
  });

  it('reads a datetime-local value as an instant, empty as none and nonsense as null', () => {
    expect(instantOf('2026-12-04T18:00')).toBe(new Date(2026, 11, 4, 18, 0).toISOString());
    expect(instantOf('  ')).toBeUndefined();
    expect(instantOf('tomorrow')).toBeNull();
  });
});
