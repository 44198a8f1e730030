import type { IdentityReview, ReviewCandidate } from '../api/identityReviews';
import { ApiProblem } from '../api/problems';
import { locationName } from '../ui/format';

/**
 * The identity review screen's state, without the DOM: the open reviews, which one is being confirmed, and the last
 * thing to tell the person. Kept in memory only (the candidates are PHI) and gone with the screen.
 */

export type ReviewStatus = { tone: 'done' | 'problem'; text: string } | null;

export function candidateName(candidate: Pick<ReviewCandidate, 'givenName' | 'familyName'>): string {
  return `${candidate.givenName ?? ''} ${candidate.familyName ?? ''}`.trim() || 'this patient';
}

/** `1984-03-12` as the desk reads a birth date, e.g. "Mar 12, 1984"; the date itself, not moved by time zones. */
export function birthDateText(birthDate: string, locale?: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  if (!match) {
    return birthDate ?? '';
  }
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toLocaleDateString(locale, { year: 'numeric', month: 'short', day: 'numeric', timeZone: 'UTC' });
}

/** Whole years on `today`; null for a date that cannot be read. Helps tell a parent from a child on a family phone. */
export function ageOn(birthDate: string, today = new Date()): number | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(birthDate ?? '');
  if (!match) {
    return null;
  }
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  let age = today.getFullYear() - year;
  if (today.getMonth() + 1 < month || (today.getMonth() + 1 === month && today.getDate() < day)) {
    age -= 1;
  }
  return age >= 0 ? age : null;
}

export class ReviewList {
  private items: IdentityReview[] = [];
  private loadedOnce = false;
  private readonly confirming = new Set<string>();
  status: ReviewStatus = null;

  get reviews(): readonly IdentityReview[] {
    return this.items;
  }

  /** False until the first list arrived: "nothing to review" must not be said while loading. */
  get loaded(): boolean {
    return this.loadedOnce;
  }

  get summary(): string {
    if (!this.loadedOnce) {
      return 'Loading open reviews…';
    }
    const n = this.items.length;
    return n === 0
      ? 'No open identity reviews. A message from a number several patients share appears here.'
      : `${n} open review${n === 1 ? '' : 's'}, longest waiting first.`;
  }

  /** A fresh list replaces the old one; a confirmation still on its way stays marked. */
  load(reviews: IdentityReview[]): void {
    this.items = [...reviews];
    this.loadedOnce = true;
    for (const id of [...this.confirming]) {
      if (!this.items.some((review) => review.id === id)) {
        this.confirming.delete(id);
      }
    }
  }

  loadFailed(problem: unknown): void {
    this.status = { tone: 'problem', text: plainly(problem, 'The open reviews could not be loaded. Please try again.') };
  }

  isConfirming(reviewId: string): boolean {
    return this.confirming.has(reviewId);
  }

  /**
   * Starts confirming one candidate of one review; null (and nothing to send) when the review or the candidate is
   * not on the list, or the review is already being confirmed: a double click sends one request.
   */
  begin(reviewId: string, patientId: string): ReviewCandidate | null {
    const candidate = this.find(reviewId)?.candidates.find((c) => c.patientId === patientId);
    if (!candidate || this.confirming.has(reviewId)) {
      return null;
    }
    this.confirming.add(reviewId);
    this.status = null;
    return candidate;
  }

  /** Done: the review leaves the list and the person is told who it was. */
  confirmed(reviewId: string, candidate: ReviewCandidate): void {
    const review = this.find(reviewId);
    this.confirming.delete(reviewId);
    this.items = this.items.filter((r) => r.id !== reviewId);
    const where = review ? ` at ${locationName(review.locationCode)}` : '';
    this.status = {
      tone: 'done',
      text: `Confirmed: this is ${candidateName(candidate)}. Their messages${where} now show who wrote.`,
    };
  }

  /**
   * Refused: the problem's words are shown. A review a colleague already resolved (409) or that is no longer there
   * (404) leaves the list, since there is nothing left to do with it; any other problem keeps it for another try.
   */
  failed(reviewId: string, problem: unknown): void {
    this.confirming.delete(reviewId);
    if (problem instanceof ApiProblem && (problem.status === 409 || problem.status === 404)) {
      this.items = this.items.filter((r) => r.id !== reviewId);
    }
    this.status = { tone: 'problem', text: plainly(problem, 'The confirmation did not go through. Please try again.') };
  }

  private find(reviewId: string): IdentityReview | undefined {
    return this.items.find((review) => review.id === reviewId);
  }
}

function plainly(problem: unknown, otherwise: string): string {
  return problem instanceof ApiProblem ? problem.plainMessage : otherwise;
}
