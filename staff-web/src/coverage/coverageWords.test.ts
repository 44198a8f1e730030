import { describe, expect, it } from 'vitest';
import type { OnCallShift } from '../api/coverage';
import { when } from '../ui/format';
import { absenceFrom, absenceWords, coversNow, onCallNowWords, shiftFrom, shiftWords } from './coverageWords';

const now = new Date('2026-12-04T15:00:00');
const shift = (staffUser: string, startsAt: string, endsAt: string): OnCallShift =>
  ({ id: `s-${staffUser}`, locationCode: 'north', staffUser, startsAt: new Date(startsAt).toISOString(), endsAt: new Date(endsAt).toISOString() });

describe('the on-call form', () => {
  it('asks for the shift in instants, with the username as it signs in', () => {
    expect(shiftFrom({ staffUser: ' Nurse ', from: '2026-12-04T18:00', until: '2026-12-05T08:00' })).toEqual({
      shift: {
        staffUser: 'nurse',
        startsAt: new Date('2026-12-04T18:00').toISOString(),
        endsAt: new Date('2026-12-05T08:00').toISOString(),
      },
    });
  });

  it('says what is wrong instead of asking', () => {
    expect(shiftFrom({ staffUser: '', from: '2026-12-04T18:00', until: '2026-12-05T08:00' }))
      .toEqual({ problem: 'Enter the username of who is on call, as they sign in (for example nurse).' });
    expect(shiftFrom({ staffUser: 'dr who', from: '2026-12-04T18:00', until: '2026-12-05T08:00' })).toHaveProperty('problem');
    expect(shiftFrom({ staffUser: 'nurse', from: '', until: '2026-12-05T08:00' }))
      .toEqual({ problem: 'Enter both the start and the end, date and time.' });
    expect(shiftFrom({ staffUser: 'nurse', from: '2026-12-05T08:00', until: '2026-12-04T18:00' }))
      .toEqual({ problem: 'The start must be before the end.' });
    expect(shiftFrom({ staffUser: 'nurse', from: '2026-12-05T08:00', until: '2026-12-05T08:00' }))
      .toEqual({ problem: 'The start must be before the end.' });
  });
});

describe('the out-of-office form', () => {
  it('asks for the absence of whoever is named, covered by a colleague', () => {
    expect(absenceFrom({ staffUser: 'nurse', coveredBy: 'Provider', from: '2026-12-07T08:00', until: '2026-12-11T17:00' })).toEqual({
      staffUser: 'nurse',
      absence: {
        awayFrom: new Date('2026-12-07T08:00').toISOString(),
        awayUntil: new Date('2026-12-11T17:00').toISOString(),
        coveredBy: 'provider',
      },
    });
  });

  it('refuses covering for oneself, a missing colleague and a backwards period', () => {
    expect(absenceFrom({ staffUser: 'nurse', coveredBy: 'NURSE', from: '2026-12-07T08:00', until: '2026-12-11T17:00' }))
      .toEqual({ problem: 'The colleague who covers must be someone else than who is away.' });
    expect(absenceFrom({ staffUser: 'nurse', coveredBy: ' ', from: '2026-12-07T08:00', until: '2026-12-11T17:00' }))
      .toEqual({ problem: 'Enter the username of the colleague who covers.' });
    expect(absenceFrom({ staffUser: 'nurse', coveredBy: 'provider', from: '2026-12-11T17:00', until: '2026-12-07T08:00' }))
      .toEqual({ problem: 'The start must be before the end.' });
  });
});

describe('coverage in words', () => {
  const tonight = shift('nurse', '2026-12-04T14:00', '2026-12-05T08:00');
  const tomorrow = shift('provider', '2026-12-05T18:00', '2026-12-06T08:00');

  it('tells a shift running now from one to come', () => {
    expect(coversNow(tonight, now)).toBe(true);
    expect(coversNow(tomorrow, now)).toBe(false);
    expect(coversNow(shift('nurse', '2026-12-04T08:00', '2026-12-04T15:00'), now)).toBe(false);
    expect(shiftWords(tonight, now)).toBe(`nurse, until ${when(tonight.endsAt, now)}`);
    expect(shiftWords(tomorrow, now)).toBe(`provider, ${when(tomorrow.startsAt, now)} until ${when(tomorrow.endsAt, now)}`);
  });

  it('says who an emergency alerts now, or that nobody is on call', () => {
    expect(onCallNowWords([tonight, tomorrow], now)).toBe('On call now: nurse.');
    expect(onCallNowWords([tomorrow], now)).toBe('Nobody is on call now: an emergency alerts the whole queue it lands in.');
  });

  it('says who is away, until when and who covers', () => {
    const away = { staffUser: 'nurse', coveredBy: 'provider', awayFrom: new Date('2026-12-04T08:00').toISOString(), awayUntil: new Date('2026-12-04T17:00').toISOString() };
    expect(absenceWords(away, now)).toBe(`nurse is away until ${when(away.awayUntil, now)}; provider covers.`);
    const later = { ...away, awayFrom: new Date('2026-12-07T08:00').toISOString(), awayUntil: new Date('2026-12-11T17:00').toISOString() };
    expect(absenceWords(later, now))
      .toBe(`nurse will be away from ${when(later.awayFrom, now)} until ${when(later.awayUntil, now)}; provider covers.`);
  });
});
