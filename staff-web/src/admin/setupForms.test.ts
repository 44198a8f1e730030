import { describe, expect, it } from 'vitest';
import type { QueueSetup } from '../api/admin';
import { dryRunFacts, holidaysText, hoursFrom, queueForm, queueSetupFrom, queueWords, weeklyText } from './setupForms';

const setup: QueueSetup = {
  queue: 'north-front-desk', locationCode: 'north', assignment: 'round-robin', openCap: 8, returnAfterMinutes: null,
  members: ['nora.north', 'nick.north'], responseTargets: [{ priority: 'normal', minutes: 120, businessHours: true }],
};

describe('queue setup form', () => {
  it('fills the form from a setup and sends back the same setup', () => {
    const form = queueForm(setup);
    expect(form.members).toBe('nora.north, nick.north');
    expect(form.openCap).toBe('8');
    expect(form.returnAfterMinutes).toBe('');
    expect(form.targets.normal).toEqual({ minutes: '120', businessHours: true });
    expect(form.targets.critical).toEqual({ minutes: '', businessHours: false });
    expect(queueSetupFrom(form)).toEqual({ setup });
  });

  it('reads members split by commas or spaces, and empty numbers as none', () => {
    const read = queueSetupFrom({ ...queueForm(setup), members: ' a,b  c ', openCap: ' ', returnAfterMinutes: '30' });
    expect(read).toMatchObject({ setup: { members: ['a', 'b', 'c'], openCap: null, returnAfterMinutes: 30 } });
  });

  it('says in words what is not a whole number, and leaves ranges to the service', () => {
    expect(queueSetupFrom({ ...queueForm(setup), openCap: 'eight' })).toEqual({ problem: 'Most open per person must be a whole number, or empty for no limit.' });
    expect(queueSetupFrom({ ...queueForm(setup), returnAfterMinutes: '1.5' })).toEqual({ problem: 'Return after must be a whole number of minutes, or empty for never.' });
    const form = queueForm(setup);
    form.targets.high = { minutes: '-5', businessHours: false };
    expect(queueSetupFrom(form)).toEqual({ problem: 'The high target must be a whole number of minutes, or empty for the practice default.' });
    expect(queueSetupFrom({ ...queueForm(setup), openCap: '0' })).toMatchObject({ setup: { openCap: 0 } });
  });

  it('takes fields the service left out as empty', () => {
    const answered = { queue: 'north-e2e', locationCode: 'north', assignment: 'none' } as QueueSetup;
    expect(queueForm(answered)).toMatchObject({ members: '', openCap: '', returnAfterMinutes: '' });
    expect(queueWords(answered)).toBe('North e2e: By hand, no limit per person, never returned.');
  });

  it('reads a saved setup back in one line', () => {
    expect(queueWords(setup)).toBe('North front desk: Round robin, members nora.north, nick.north, at most 8 open per person, never returned.');
    expect(queueWords({ ...setup, assignment: 'none', members: [], openCap: null, returnAfterMinutes: 30 })).toBe(
      'North front desk: By hand, no limit per person, returned after 30 min unanswered.',
    );
  });
});

describe('hours and holidays as lines', () => {
  const hours = {
    timeZone: 'America/New_York',
    weekly: [{ day: 'MONDAY', opens: '08:00:00', closes: '12:00' }, { day: 'MONDAY', opens: '13:00', closes: '17:00' }],
    holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
  };

  it('writes and reads the same week and holidays', () => {
    expect(weeklyText(hours)).toBe('Monday 08:00-12:00\nMonday 13:00-17:00');
    expect(holidaysText(hours)).toBe('2026-12-25 Christmas Day');
    expect(hoursFrom('Monday 08:00-12:00\n\n tue 8:30 – 17:00 ', '2026-12-25 Christmas Day')).toEqual({
      weekly: [{ day: 'MONDAY', opens: '08:00', closes: '12:00' }, { day: 'TUESDAY', opens: '08:30', closes: '17:00' }],
      holidays: [{ date: '2026-12-25', name: 'Christmas Day' }],
    });
  });

  it('names the line it cannot read', () => {
    expect(hoursFrom('Funday 08:00-17:00', '')).toEqual({ problem: 'Opening hours: "Funday 08:00-17:00" should look like "Monday 08:00-17:00".' });
    expect(hoursFrom('', 'Christmas')).toEqual({ problem: 'Holidays: "Christmas" should look like "2026-12-25 Christmas Day".' });
  });
});

describe('dry run in words', () => {
  it('says where it would go, by which rule, and why', () => {
    expect(dryRunFacts({
      locationCode: 'north', queue: 'north-billing', priority: 'normal', category: 'billing', urgency: 'routine',
      ruleId: 'billing', rulesVersion: 3, directedTo: null, autoReplyKind: null, alertsOnCall: false, triageReasons: [],
      reason: 'Rule billing matched',
    })).toEqual([
      ['Queue', 'North billing (north)'], ['Priority', 'Normal'], ['Category', 'Billing'], ['Urgency', 'Routine'],
      ['Rule', 'billing (version 3)'], ['Why', 'Rule billing matched'],
    ]);
  });
});
