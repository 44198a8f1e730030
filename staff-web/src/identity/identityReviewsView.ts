import type { IdentityReview, IdentityReviewsApi, ReviewCandidate } from '../api/identityReviews';
import { h } from '../ui/dom';
import { locationName, when } from '../ui/format';
import { ageOn, birthDateText, candidateName, ReviewList } from './reviewList';

/**
 * The identity review screen: messages from an address several patients share, each with the patients who might
 * have written. Reading the list is audited (one record per candidate shown), so it is read when the screen opens
 * and when the person asks again, never polled.
 */
export class IdentityReviewsView {
  readonly element: HTMLElement;
  private readonly state = new ReviewList();
  private readonly heading: HTMLHeadingElement;
  private readonly summary: HTMLParagraphElement;
  private readonly done: HTMLParagraphElement;
  private readonly problem: HTMLParagraphElement;
  private readonly list: HTMLOListElement;
  private readonly again: HTMLButtonElement;

  constructor(
    private readonly api: IdentityReviewsApi,
    /** Problems the whole app handles (an expired sign-in signs out). */
    private readonly onProblem: (problem: unknown) => boolean,
  ) {
    this.heading = h('h1', { id: 'identity-heading', tabindex: '-1' }, 'Identity review');
    this.summary = h('p', { class: 'review-summary', 'aria-live': 'polite' }, this.state.summary);
    this.done = h('p', { class: 'review-done', role: 'status' });
    this.problem = h('p', { class: 'review-problem', role: 'alert' });
    this.list = h('ol', { class: 'review-list', role: 'list' });
    this.again = h('button', { type: 'button' }, 'Check again');
    this.again.addEventListener('click', () => void this.load());
    this.element = h(
      'section',
      { class: 'identity-reviews', 'aria-labelledby': 'identity-heading' },
      h(
        'header',
        { class: 'page-header' },
        this.heading,
        h(
          'p',
          { class: 'page-intro' },
          'These patient messages came from a phone number or e-mail address that several patients share. Say who ' +
            'wrote: the conversation then shows the patient, and later messages from that sender at the location are ' +
            'matched to them too.',
        ),
        h('div', { class: 'review-toolbar' }, this.summary, this.again),
      ),
      this.done,
      this.problem,
      this.list,
    );
  }

  async load(): Promise<void> {
    this.again.disabled = true;
    try {
      this.state.load(await this.api.open());
      if (this.state.status?.tone === 'problem') {
        this.state.status = null;
      }
    } catch (e) {
      if (this.onProblem(e)) {
        return;
      }
      this.state.loadFailed(e);
    } finally {
      this.again.disabled = false;
    }
    this.render();
  }

  private async confirm(review: IdentityReview, patientId: string): Promise<void> {
    const candidate = this.state.begin(review.id, patientId);
    if (!candidate) {
      return;
    }
    this.render();
    try {
      await this.api.confirm(review.id, patientId);
      this.state.confirmed(review.id, candidate);
    } catch (e) {
      if (this.onProblem(e)) {
        return;
      }
      this.state.failed(review.id, e);
    }
    this.render();
    // The button that was pressed is gone (or disabled); the heading keeps the keyboard on this screen.
    this.heading.focus();
  }

  private render(): void {
    this.summary.textContent = this.state.summary;
    const status = this.state.status;
    this.done.textContent = status?.tone === 'done' ? status.text : '';
    this.problem.textContent = status?.tone === 'problem' ? status.text : '';
    this.list.replaceChildren(...this.state.reviews.map((review) => this.reviewItem(review)));
  }

  private reviewItem(review: IdentityReview): HTMLLIElement {
    const headingId = `review-${review.id}`;
    const busy = this.state.isConfirming(review.id);
    return h(
      'li',
      { class: 'review', 'aria-labelledby': headingId, 'aria-busy': busy ? 'true' : undefined },
      h(
        'h2',
        { id: headingId },
        `${locationName(review.locationCode)} · waiting since `,
        h('time', { datetime: review.openedAt }, when(review.openedAt)),
      ),
      h(
        'table',
        { class: 'candidates' },
        h('caption', {}, `Who may have written (${review.candidates.length})`),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { scope: 'col' }, 'Name'),
            h('th', { scope: 'col' }, 'Date of birth'),
            h('th', { scope: 'col' }, 'Home location'),
            h('th', { scope: 'col' }, 'Provider'),
            h('th', { scope: 'col' }, h('span', { class: 'visually-hidden' }, 'Confirm')),
          ),
        ),
        h('tbody', {}, ...review.candidates.map((candidate) => this.candidateRow(review, candidate, busy))),
      ),
    );
  }

  private candidateRow(review: IdentityReview, candidate: ReviewCandidate, busy: boolean): HTMLTableRowElement {
    const name = candidateName(candidate);
    const age = ageOn(candidate.birthDate);
    const button = h('button', { type: 'button', class: 'primary', disabled: busy }, `This is ${name}`);
    button.addEventListener('click', () => void this.confirm(review, candidate.patientId));
    return h(
      'tr',
      {},
      h('th', { scope: 'row' }, name),
      h('td', {}, birthDateText(candidate.birthDate), age === null ? null : h('span', { class: 'age' }, ` (age ${age})`)),
      h('td', {}, locationName(candidate.homeLocation)),
      h('td', {}, candidate.primaryProvider ?? 'None recorded'),
      h('td', {}, button),
    );
  }
}
