import { describe, expect, it } from 'vitest';
import { duration, INBOX_VIEWS, ownerText, statusName, targetClock, viewLabel } from './labels';

const now = Date.parse('2026-12-03T15:00:00Z');
const at = (minutes: number) => new Date(now + minutes * 60_000).toISOString();

describe('the response clock', () => {
  it('says how long is left, with the tone of the server flag', () => {
    expect(targetClock({ status: 'assigned', responseDueAt: at(12), targetFlag: null }, now)).toEqual({ text: 'Due in 12 min', tone: 'on-time' });
    expect(targetClock({ status: 'assigned', responseDueAt: at(3), targetFlag: 'approaching' }, now)).toEqual({ text: 'Due in 3 min', tone: 'approaching' });
  });

  it('says how late it is once past the target', () => {
    expect(targetClock({ status: 'assigned', responseDueAt: at(-5), targetFlag: 'overdue' }, now)).toEqual({ text: 'Overdue by 5 min', tone: 'overdue' });
    // Between the server's last look and now the target passed: the time decides.
    expect(targetClock({ status: 'assigned', responseDueAt: at(-2), targetFlag: 'approaching' }, now)?.tone).toBe('overdue');
    // The server counts business hours and already says overdue: it decides, whatever the clocks.
    expect(targetClock({ status: 'assigned', responseDueAt: at(1), targetFlag: 'overdue' }, now)).toEqual({ text: 'Overdue by less than a minute', tone: 'overdue' });
  });

  it('shows nothing while nobody waits on staff', () => {
    expect(targetClock({ status: 'assigned', responseDueAt: null, targetFlag: null }, now)).toBeNull();
    expect(targetClock({ status: 'unassigned' }, now)).toBeNull();
    // Resolved (or snoozed, or awaiting the patient) a moment ago: the service clears the due time on its next round.
    for (const status of ['resolved', 'snoozed', 'awaiting-patient'] as const) {
      expect(targetClock({ status, responseDueAt: at(30), targetFlag: null }, now)).toBeNull();
    }
  });

  it('puts durations in words', () => {
    expect(duration(30_000)).toBe('less than a minute');
    expect(duration(59 * 60_000)).toBe('59 min');
    expect(duration(60 * 60_000)).toBe('1 h');
    expect(duration(125 * 60_000)).toBe('2 h 5 min');
    expect(duration(24 * 3_600_000)).toBe('1 day');
    expect(duration(51 * 3_600_000)).toBe('2 days 3 h');
  });
});

describe('workflow words', () => {
  it('names the owner from the person looking', () => {
    expect(ownerText({ assignee: null }, 'frontdesk.north')).toBe('No owner');
    expect(ownerText({ assignee: 'frontdesk.north' }, 'frontdesk.north')).toBe('Owner: you');
    expect(ownerText({ assignee: 'nurse' }, 'frontdesk.north')).toBe('Owner: nurse');
  });

  it('offers the views in the desk order, All last, and names statuses', () => {
    expect(INBOX_VIEWS.map((v) => v.label)).toEqual(['Mine', 'Unassigned', 'Aging', 'Awaiting patient', 'Snoozed', 'Resolved', 'All']);
    expect(viewLabel('awaiting-patient')).toBe('Awaiting patient');
    expect(viewLabel(undefined)).toBe('All');
    expect(statusName('awaiting-patient')).toBe('Awaiting patient');
  });
});
