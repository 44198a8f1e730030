import type { Absence, AbsenceRequest, OnCallRequest, OnCallShift } from '../api/coverage';
import { instantOf, when } from '../ui/format';

/** As routing-service accepts a staff username. */
const USERNAME = /^[a-z0-9][a-z0-9._@-]{0,99}$/;

/** What the on-call form holds, as typed; `from`/`until` are `datetime-local` values in the person's own time. */
export interface ShiftForm {
  staffUser: string;
  from: string;
  until: string;
}

export interface AbsenceForm {
  staffUser: string;
  coveredBy: string;
  from: string;
  until: string;
}

/** The shift to ask for, or what is wrong with the form in words (nothing is asked then). */
export function shiftFrom(form: ShiftForm): { shift: OnCallRequest } | { problem: string } {
  const staffUser = username(form.staffUser);
  if (!staffUser) {
    return { problem: 'Enter the username of who is on call, as they sign in (for example nurse).' };
  }
  const period = periodFrom(form.from, form.until);
  return 'problem' in period ? period : { shift: { staffUser, startsAt: period.from, endsAt: period.until } };
}

/** The out-of-office to set for `staffUser`, or what is wrong with the form in words. */
export function absenceFrom(form: AbsenceForm): { staffUser: string; absence: AbsenceRequest } | { problem: string } {
  const staffUser = username(form.staffUser);
  if (!staffUser) {
    return { problem: 'Enter the username of who is away, as they sign in.' };
  }
  const coveredBy = username(form.coveredBy);
  if (!coveredBy) {
    return { problem: 'Enter the username of the colleague who covers.' };
  }
  if (coveredBy === staffUser) {
    return { problem: 'The colleague who covers must be someone else than who is away.' };
  }
  const period = periodFrom(form.from, form.until);
  return 'problem' in period
    ? period
    : { staffUser, absence: { awayFrom: period.from, awayUntil: period.until, coveredBy } };
}

/** Whether the shift covers `now`: emergencies written now alert this person. */
export function coversNow(shift: OnCallShift, now = new Date()): boolean {
  return new Date(shift.startsAt) <= now && now < new Date(shift.endsAt);
}

/** "nurse, until 08:00" for the shift running now, "provider, Dec 5, 18:00 until Dec 6, 08:00" for a later one. */
export function shiftWords(shift: OnCallShift, now = new Date()): string {
  return coversNow(shift, now)
    ? `${shift.staffUser}, until ${when(shift.endsAt, now)}`
    : `${shift.staffUser}, ${when(shift.startsAt, now)} until ${when(shift.endsAt, now)}`;
}

/** The line under a location's heading: who emergencies go to at this moment. */
export function onCallNowWords(shifts: OnCallShift[], now = new Date()): string {
  const current = shifts.filter((shift) => coversNow(shift, now)).map((shift) => shift.staffUser);
  return current.length
    ? `On call now: ${current.join(', ')}.`
    : 'Nobody is on call now: an emergency alerts the whole queue it lands in.';
}

/** "nurse is away until Dec 6, 17:00; provider covers." or, when it has not begun, from when. */
export function absenceWords(absence: Absence, now = new Date()): string {
  const begun = new Date(absence.awayFrom) <= now;
  const period = begun
    ? `is away until ${when(absence.awayUntil, now)}`
    : `will be away from ${when(absence.awayFrom, now)} until ${when(absence.awayUntil, now)}`;
  return `${absence.staffUser} ${period}; ${absence.coveredBy} covers.`;
}

function username(typed: string): string | null {
  const name = typed.trim().toLowerCase();
  return USERNAME.test(name) ? name : null;
}

function periodFrom(fromTyped: string, untilTyped: string): { from: string; until: string } | { problem: string } {
  const from = instantOf(fromTyped);
  const until = instantOf(untilTyped);
  if (!from || !until) {
    return { problem: 'Enter both the start and the end, date and time.' };
  }
  if (from >= until) {
    return { problem: 'The start must be before the end.' };
  }
  return { from, until };
}
