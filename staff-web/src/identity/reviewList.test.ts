import { describe, expect, it } from 'vitest';
import type { IdentityReview } from '../api/identityReviews';
import { ApiProblem } from '../api/problems';
import { ageOn, birthDateText, candidateName, ReviewList } from './reviewList';

const rosa = { patientId: 'p-rosa', givenName: 'Rosa', familyName: 'Delgado', birthDate: '1984-03-12', homeLocation: 'north', primaryProvider: 'dr.lee' };
const mateo = { patientId: 'p-mateo', givenName: 'Mateo', familyName: 'Delgado', birthDate: '2015-11-30', homeLocation: 'north', primaryProvider: null };

function reviews(): IdentityReview[] {
  return [
    { id: 'r1', patientRef: 'ref-1', locationCode: 'north', openedAt: '2026-11-22T08:00:00Z', candidates: [rosa, mateo] },
    { id: 'r2', patientRef: 'ref-2', locationCode: 'south', openedAt: '2026-11-22T09:00:00Z', candidates: [rosa] },
  ];
}

describe('ReviewList', () => {
  it('says it is loading until the first list arrives, then how many are open', () => {
    const list = new ReviewList();
    expect(list.loaded).toBe(false);
    expect(list.summary).toBe('Loading open reviews…');
    list.load(reviews());
    expect(list.summary).toBe('2 open reviews, longest waiting first.');
    list.load([]);
    expect(list.summary).toContain('No open identity reviews');
  });

  it('confirms a candidate once, then removes the review and says who it was', () => {
    const list = new ReviewList();
    list.load(reviews());
    const candidate = list.begin('r1', 'p-mateo');
    expect(candidate).toEqual(mateo);
    expect(list.isConfirming('r1')).toBe(true);
    expect(list.begin('r1', 'p-rosa')).toBeNull(); // a second click while the first is on its way sends nothing
    list.confirmed('r1', candidate!);
    expect(list.reviews.map((r) => r.id)).toEqual(['r2']);
    expect(list.isConfirming('r1')).toBe(false);
    expect(list.status).toEqual({ tone: 'done', text: 'Confirmed: this is Mateo Delgado. Their messages at North Clinic now show who wrote.' });
  });

  it('refuses a candidate or review it does not list', () => {
    const list = new ReviewList();
    list.load(reviews());
    expect(list.begin('r2', 'p-mateo')).toBeNull();
    expect(list.begin('nope', 'p-rosa')).toBeNull();
  });

  it('shows the problem document\'s words; drops a review a colleague resolved, keeps one that may be tried again', () => {
    const list = new ReviewList();
    list.load(reviews());
    list.begin('r1', 'p-rosa');
    list.failed('r1', new ApiProblem(409, 'This could not be done: A colleague already confirmed who wrote.'));
    expect(list.reviews.map((r) => r.id)).toEqual(['r2']);
    expect(list.status).toEqual({ tone: 'problem', text: 'This could not be done: A colleague already confirmed who wrote.' });

    list.begin('r2', 'p-rosa');
    list.failed('r2', new ApiProblem(503, 'CareThread had a problem on its side.'));
    expect(list.reviews.map((r) => r.id)).toEqual(['r2']);
    expect(list.isConfirming('r2')).toBe(false);
    list.failed('r2', new Error('boom'));
    expect(list.status?.text).toBe('The confirmation did not go through. Please try again.');
  });

  it('keeps a confirmation in flight marked across a reload, and forgets it once the review is gone', () => {
    const list = new ReviewList();
    list.load(reviews());
    list.begin('r2', 'p-rosa');
    list.load(reviews());
    expect(list.isConfirming('r2')).toBe(true);
    list.load(reviews().slice(0, 1));
    expect(list.isConfirming('r2')).toBe(false);
  });

  it('tells a failed load in plain words', () => {
    const list = new ReviewList();
    list.loadFailed(new ApiProblem(403, 'Your account is not allowed to do this.'));
    expect(list.status).toEqual({ tone: 'problem', text: 'Your account is not allowed to do this.' });
  });
});

describe('candidate details', () => {
  it('names the candidate and reads the birth date as the date it is, whatever the time zone', () => {
    expect(candidateName(rosa)).toBe('Rosa Delgado');
    expect(birthDateText('1984-03-12', 'en-US')).toBe('Mar 12, 1984');
    expect(birthDateText('not a date')).toBe('not a date');
  });

  it('works out the age on a day, before and after the birthday', () => {
    expect(ageOn('1984-03-12', new Date(2026, 2, 11))).toBe(41);
    expect(ageOn('1984-03-12', new Date(2026, 2, 12))).toBe(42);
    expect(ageOn('garbage')).toBeNull();
  });
});
