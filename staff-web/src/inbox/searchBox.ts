import type { Category, ConversationStatus, Priority, QueueCount, SearchCriteria } from '../api/conversations';
import { ApiProblem } from '../api/problems';
import { CATEGORY_FILTERS, PRIORITY_FILTERS } from '../triage/labels';
import { h, select } from '../ui/dom';
import { STATUSES, statusName } from '../workflow/labels';
import { queueLabel } from './queueList';
import { searchCriteria, type SearchFields } from './search';

export interface SearchHandlers {
  /** Runs the search and shows its results; a refusal (an ApiProblem) is said under the box. */
  /** Resolves false when a newer search or a change of view overtook this one, so its answer is not shown. */
  search: (criteria: SearchCriteria) => Promise<boolean>;
  /** The results are put away: the inbox shows its list again. */
  clear: () => void;
}

/**
 * The inbox's search: the box (words, a phone number or an e-mail address, told apart in `search.ts`) and "More
 * filters" (status, owner, queue, category, priority, days of last activity). All of it goes in a POST body and is
 * kept in the form only: never in the address or browser storage, since what staff search by may be PHI and every
 * search is audited. Nothing is asked until the person searches.
 */
export class SearchBox {
  readonly element: HTMLFormElement;
  private readonly query = h('input', { id: 'inbox-search', name: 'q', type: 'search', autocomplete: 'off', 'aria-describedby': 'inbox-search-hint' });
  private readonly statuses = STATUSES.map((status) => h('input', { type: 'checkbox', id: `search-status-${status}`, name: 'status', value: status }));
  private readonly owner = h('input', { id: 'search-owner', name: 'owner', autocomplete: 'off', spellcheck: 'false' });
  private readonly queue = h('select', { id: 'search-queue', name: 'queue' }, h('option', { value: '' }, 'All queues'));
  private readonly category = select('search-category', CATEGORY_FILTERS);
  private readonly priority = select('search-priority', PRIORITY_FILTERS);
  private readonly from = h('input', { id: 'search-from', name: 'from', type: 'date' });
  private readonly to = h('input', { id: 'search-to', name: 'to', type: 'date' });
  private readonly clearButton = h('button', { type: 'button', hidden: true }, 'Clear search');
  private readonly problem = h('p', { class: 'search-error', role: 'alert' });
  /** Results are shown: "Clear search" stays until they are put away. */
  private showing = false;

  constructor(
    /** The signed-in person's username, for "Me" as the owner. */
    private readonly me: string,
    private readonly handlers: SearchHandlers,
  ) {
    const mine = h('button', { type: 'button', class: 'quiet', 'aria-label': 'Owner: me' }, 'Me');
    mine.addEventListener('click', () => {
      this.owner.value = this.me;
      this.showClear();
    });
    this.element = h(
      'form',
      { class: 'inbox-search', role: 'search', 'aria-label': 'Search conversations' },
      h('label', { for: 'inbox-search' }, 'Search'),
      h('div', { class: 'search-row' }, this.query, h('button', { type: 'submit' }, 'Search'), this.clearButton),
      h('p', { id: 'inbox-search-hint', class: 'search-hint' }, 'Words from the messages, a phone number or an e-mail address'),
      h(
        'details',
        { class: 'search-filters' },
        h('summary', {}, 'More filters'),
        h(
          'div',
          { class: 'search-filter-fields' },
          h('fieldset', { class: 'search-statuses' }, h('legend', {}, 'Status'),
            ...this.statuses.map((box) => h('label', { class: 'check' }, box, statusName(box.value as ConversationStatus)))),
          h('div', { class: 'filter' }, h('label', { for: 'search-owner' }, 'Owner (username)'), h('div', { class: 'owner-row' }, this.owner, mine)),
          h('div', { class: 'filter' }, h('label', { for: 'search-queue' }, 'Queue'), this.queue),
          h('div', { class: 'filter' }, h('label', { for: 'search-category' }, 'Category'), this.category),
          h('div', { class: 'filter' }, h('label', { for: 'search-priority' }, 'Priority'), this.priority),
          h('fieldset', { class: 'search-days' }, h('legend', {}, 'Last activity, your time'),
            h('div', { class: 'filter' }, h('label', { for: 'search-from' }, 'From'), this.from),
            h('div', { class: 'filter' }, h('label', { for: 'search-to' }, 'To (not included)'), this.to)),
        ),
        h('button', { type: 'submit', class: 'primary' }, 'Search with these filters'),
      ),
      this.problem,
    );
    this.element.addEventListener('submit', (event) => {
      event.preventDefault();
      void this.run();
    });
    this.element.addEventListener('input', () => this.showClear());
    this.clearButton.addEventListener('click', () => {
      this.element.reset();
      this.ended();
      this.handlers.clear();
      this.query.focus();
    });
  }

  /** The queues of the inbox's queue list, as last asked for with it: nothing is fetched for the form. */
  showQueues(queues: QueueCount[]): void {
    const chosen = this.queue.value;
    this.queue.replaceChildren(
      h('option', { value: '' }, 'All queues'),
      ...queues.map((q) => h('option', { value: q.queue }, queueLabel(q, queues))),
    );
    this.queue.value = chosen;
  }

  /** The results were put away by a change of view or filter; what was entered stays, to search again. */
  ended(): void {
    this.showing = false;
    this.problem.textContent = '';
    this.showClear();
  }

  private fields(): SearchFields {
    return {
      typed: this.query.value,
      statuses: this.statuses.filter((box) => box.checked).map((box) => box.value as ConversationStatus),
      owner: this.owner.value,
      queue: this.queue.value,
      category: this.category.value as Category | '',
      priority: this.priority.value as Priority | '',
      from: dateOf(this.from),
      to: dateOf(this.to),
    };
  }

  private async run(): Promise<void> {
    const criteria = searchCriteria(this.fields());
    this.problem.textContent = '';
    if (typeof criteria === 'string') {
      this.problem.textContent = criteria;
      return;
    }
    try {
      if (await this.handlers.search(criteria)) {
        this.showing = true;
      }
    } catch (e) {
      this.problem.textContent = e instanceof ApiProblem ? e.plainMessage : 'The search did not go through. Please try again.';
    }
    this.showClear();
  }

  /** "Clear search" while results are shown or anything is entered. */
  private showClear(): void {
    const f = this.fields();
    const entered = f.typed.trim() || f.statuses.length || f.owner.trim() || f.queue || f.category || f.priority || f.from || f.to;
    this.clearButton.hidden = !this.showing && !entered;
  }
}

/** A date as the browser holds it; one typed only in part has no value, and is told apart so it is not left out. */
function dateOf(input: HTMLInputElement): string {
  return input.validity.badInput ? 'incomplete' : input.value;
}
