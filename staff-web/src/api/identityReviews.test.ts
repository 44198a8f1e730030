import { describe, expect, it } from 'vitest';
import { IdentityReviewsApi } from './identityReviews';
import { PatientsApi } from './patients';
import { answering, failureOf } from '../testing/fakeApi';

describe('IdentityReviewsApi', () => {
  it('reads the open reviews and confirms one candidate by its patient id', async () => {
    const { calls, client } = answering(200, []);
    const api = new IdentityReviewsApi(client);
    await api.open();
    await api.confirm('r/1', 'p1');
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', '/api/routing/identity-reviews'],
      ['POST', '/api/routing/identity-reviews/r%2F1/confirm'],
    ]);
    expect(calls[1].init.body).toBe('{"patientId":"p1"}');
  });

  it('shows a colleague\'s earlier confirmation from the problem detail, and a 404 as a review, not a conversation', async () => {
    const resolved = answering(409, { status: 409, title: 'Identity review already resolved', detail: 'A colleague already confirmed who wrote.' });
    expect((await failureOf(new IdentityReviewsApi(resolved.client).confirm('r1', 'p1'))).plainMessage).toBe(
      'This could not be done: A colleague already confirmed who wrote.',
    );
    const invalid = answering(422, { status: 422, detail: "patientId: must be one of the review's candidates" });
    expect((await failureOf(new IdentityReviewsApi(invalid.client).confirm('r1', 'p9'))).plainMessage).toBe(
      "That did not go through: patientId: must be one of the review's candidates",
    );
    const gone = answering(404, { status: 404, detail: 'There is no identity review with this id at your locations.' });
    const problem = await failureOf(new IdentityReviewsApi(gone.client).confirm('r1', 'p1'));
    expect(problem.plainMessage).toContain('This review is no longer open');
    expect(problem.plainMessage).not.toContain('conversation');
  });
});

describe('PatientsApi', () => {
  it('reads one patient, and explains a patient of another location', async () => {
    const { calls, client } = answering(200, { id: 'p1' });
    await new PatientsApi(client).get('p1');
    expect(calls[0].url).toBe('/api/routing/patients/p1');
    const elsewhere = answering(404, { status: 404 });
    expect((await failureOf(new PatientsApi(elsewhere.client).get('p2'))).plainMessage).toContain("patient's record is not available");
  });
});
