import type { Category, ConversationSummary, InboxFilters, InboxViewName, QueueCount, SearchCriteria, Urgency } from '../api/conversations';
import { ApiProblem } from '../api/problems';
import { badgeSpans } from '../triage/badges';
import { CATEGORY_FILTERS, filtersDescription, isPinned, triageBadges, URGENCY_FILTERS } from '../triage/labels';
import { h, opensHere, select } from '../ui/dom';
import { channelName, locationName, queueName, when } from '../ui/format';
import type { LiveState } from '../live/liveFeed';
import { INBOX_VIEWS, ownerText, statusName, targetClock, viewLabel } from '../workflow/labels';
import { QueueList } from './queueList';
import type { ReadMarks } from './readMarks';
import { searchSummary } from './search';
import { SearchBox } from './searchBox';

const LIVE_STATE: Record<LiveState, string> = {
  connecting: 'Connecting to live updates…',
  live: 'Live: changes appear by themselves.',
  reconnecting: 'Live updates interrupted. Reconnecting; meanwhile the inbox is checked every 15 seconds.',
};

/**
 * The list of conversations the person may see: critical ones pinned on top (the API sorts them first), then by
 * priority and newest activity. Each row says its urgency, category, on-call alert, who the sender is when that needs
 * acting on, and whom it is directed to, in words. Rows are links, so the keyboard, the browser's "open in new tab"
 * and screen readers all work as they do everywhere else. The views and filters are the API's: the server narrows
 * the list. Each row also says its status, its owner and its clock against the response target.
 */
export class InboxView {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly summary: HTMLParagraphElement;
  private readonly liveState = h('p', { class: 'live-state', role: 'status' });
  private readonly urgency: HTMLSelectElement;
  private readonly category: HTMLSelectElement;
  private readonly views: HTMLButtonElement[];
  private readonly queues = new QueueList('', () => this.filtersChanged());
  private view: InboxViewName = '';
  private shown: { conversations: ConversationSummary[]; openId: string | null } = { conversations: [], openId: null };
  private readonly searchBox: SearchBox;
  /** Counts searches and their endings, so an answer that a newer search or a clear overtook is dropped. */
  private searchRound = 0;
  /** Search results replace the list until cleared; they are not searched again by themselves (each search is audited). */
  private results?: { found: ConversationSummary[]; criteria: SearchCriteria; more: boolean };
  /** Asks for the next page of results; shown while the last page came full. */
  private readonly moreButton = h('button', { type: 'button', class: 'quiet inbox-more', hidden: true }, 'Show more results');
  private readonly moreProblem = h('p', { class: 'admin-error', role: 'alert' });

  constructor(
    /** The signed-in person's username, so their own conversations say "you". */
    private readonly me: string,
    private readonly marks: ReadMarks,
    private readonly open: (id: string) => void,
    /** Called when the person changes the view or a filter; the app asks the API again at once. */
    private readonly onFilter: (filters: InboxFilters) => void,
    /** Runs a search typed in the inbox's search box. */
    private readonly search: (criteria: SearchCriteria) => Promise<ConversationSummary[]>,
  ) {
    this.searchBox = new SearchBox(me, {
      search: (criteria) => this.runSearch(criteria),
      clear: () => {
        this.endSearch();
        this.render(this.shown.conversations, this.shown.openId);
      },
    });
    this.list = h('ul', { class: 'inbox-list', role: 'list' });
    this.summary = h('p', { class: 'inbox-summary', 'aria-live': 'polite' }, 'Loading conversations…');
    this.urgency = select('inbox-urgency', URGENCY_FILTERS);
    this.category = select('inbox-category', CATEGORY_FILTERS);
    for (const control of [this.urgency, this.category]) {
      control.addEventListener('change', () => this.filtersChanged());
    }
    // Toggle buttons rather than tabs: each view is the same list asked differently, not a separate panel.
    this.views = INBOX_VIEWS.map(({ value, label }) => {
      const button = h('button', { type: 'button', class: 'view', 'aria-pressed': String(value === this.view) }, label);
      button.addEventListener('click', () => {
        this.view = value;
        this.views.forEach((b, i) => b.setAttribute('aria-pressed', String(INBOX_VIEWS[i].value === value)));
        this.filtersChanged();
      });
      return button;
    });
    this.element = h(
      'section',
      { class: 'inbox', 'aria-labelledby': 'inbox-heading' },
      h('div', { class: 'inbox-heading' }, h('h1', { id: 'inbox-heading' }, 'Inbox'), this.liveState),
      this.searchBox.element,
      h('div', { class: 'inbox-views', role: 'group', 'aria-label': 'Views' }, ...this.views),
      this.queues.element,
      h(
        'form',
        { class: 'inbox-filters', 'aria-label': 'Filter conversations', role: 'search' },
        h('div', { class: 'filter' }, h('label', { for: 'inbox-urgency' }, 'Urgency'), this.urgency),
        h('div', { class: 'filter' }, h('label', { for: 'inbox-category' }, 'Category'), this.category),
      ),
      this.summary,
      this.list,
      this.moreButton,
      this.moreProblem,
    );
    this.moreButton.addEventListener('click', () => void this.showMore());
    this.element.querySelector('.inbox-filters')!.addEventListener('submit', (event) => event.preventDefault());
    // The clocks move on between changes: redraw them from what is already here, without asking the API.
    setInterval(() => this.render(this.shown.conversations, this.shown.openId), 30_000);
  }

  get filters(): InboxFilters {
    return {
      view: this.view,
      urgency: this.urgency.value as Urgency | '',
      category: this.category.value as Category | '',
      queue: this.queues.queue,
    };
  }

  private filtersChanged(): void {
    this.endSearch();
    this.summary.textContent = 'Loading conversations…';
    this.onFilter(this.filters);
  }

  /** A POST with the words, number and filters in its body, never in the address (`src/inbox/searchBox.ts`). */
  private async runSearch(criteria: SearchCriteria): Promise<boolean> {
    const round = ++this.searchRound;
    this.summary.textContent = 'Searching…';
    try {
      const found = await this.search(criteria);
      if (round !== this.searchRound) {
        return false;
      }
      this.results = { found, criteria, more: found.length === criteria.limit };
      return true;
    } finally {
      if (round === this.searchRound) {
        this.render(this.shown.conversations, this.shown.openId);
      }
    }
  }

  /** The next page of the results shown, added below them; each page is a search of its own, and audited. */
  private async showMore(): Promise<void> {
    const shown = this.results;
    if (!shown) {
      return;
    }
    const round = ++this.searchRound;
    this.moreButton.disabled = true;
    this.moreProblem.textContent = '';
    try {
      const next = await this.search({ ...shown.criteria, offset: shown.found.length });
      if (round === this.searchRound) {
        // Activity between pages can move a conversation onto the next page too: it is shown once.
        const known = new Set(shown.found.map((c) => c.id));
        this.results = { ...shown, found: [...shown.found, ...next.filter((c) => !known.has(c.id))],
          more: next.length === shown.criteria.limit };
      }
    } catch (e) {
      if (round === this.searchRound) {
        this.moreProblem.textContent = e instanceof ApiProblem ? e.plainMessage : 'The search did not go through. Please try again.';
      }
    } finally {
      this.moreButton.disabled = false;
      if (round === this.searchRound) {
        this.render(this.shown.conversations, this.shown.openId);
      }
    }
  }

  private endSearch(): void {
    this.searchRound++;
    this.results = undefined;
    this.moreProblem.textContent = '';
    this.searchBox.ended();
  }

  /** The queue list's counts, asked for with every refresh of the list; the search's queue filter offers the same. */
  showQueues(queues: QueueCount[]): void {
    this.queues.show(queues);
    this.searchBox.showQueues(queues);
  }

  /** Said once per change of state, not on every retry. */
  showLive(state: LiveState): void {
    if (this.liveState.dataset.state !== state) {
      this.liveState.dataset.state = state;
      this.liveState.textContent = LIVE_STATE[state];
    }
  }

  /** Draws the list (or the search results while a search is shown) with the open conversation marked. */
  render(latest: ConversationSummary[], openId: string | null): void {
    this.shown = { conversations: latest, openId };
    const conversations = this.results?.found ?? latest;
    // Rebuilding the rows every refresh is cheap; keeping keyboard focus on the same row is what matters.
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.conversationId;
    this.moreButton.hidden = !this.results?.more;
    this.summary.textContent = this.results
      ? searchSummary(this.results.found.length, this.results.more, this.results.criteria, this.me)
      : inboxSummary(conversations, conversations.filter((c) => this.marks.isUnread(c)).length, this.filters);
    const lastPinned = conversations.map(isPinned).lastIndexOf(true);
    this.list.replaceChildren(
      ...conversations.map((c, i) => this.row(c, c.id === openId, i === lastPinned && i < conversations.length - 1)),
    );
    if (focusedId) {
      this.list.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(focusedId)}"]`)?.focus();
    }
  }

  private row(conversation: ConversationSummary, isOpen: boolean, lastPinned: boolean): HTMLLIElement {
    const unread = this.marks.isUnread(conversation);
    const pinned = isPinned(conversation);
    const badges = triageBadges(conversation, (iso) => when(iso));
    const clock = targetClock(conversation);
    const link = h(
      'a',
      {
        href: `/conversations/${encodeURIComponent(conversation.id)}`,
        class: `inbox-row${unread ? ' unread' : ''}${isOpen ? ' open' : ''}${pinned ? ' pinned' : ''}`,
        'data-conversation-id': conversation.id,
        'data-priority': conversation.priority,
        'data-urgency': conversation.urgency ?? undefined,
        'aria-current': isOpen ? 'page' : undefined,
      },
      h('span', { class: 'unread-dot', 'aria-hidden': 'true' }),
      h(
        'span',
        { class: 'row-main' },
        h('span', { class: 'patient' }, unread ? h('span', { class: 'visually-hidden' }, 'Unread: ') : null, conversation.patient.address),
        h('span', { class: 'row-where' }, `${locationName(conversation.locationCode)} · ${queueName(conversation.queue)}`),
        badges.length ? badgeSpans(badges, 'row-triage') : null,
        h(
          'span',
          { class: 'row-workflow' },
          h('span', { class: 'visually-hidden' }, ', '),
          `${statusName(conversation.status)} · ${ownerText(conversation, this.me)}`,
          clock ? h('span', { class: 'visually-hidden' }, ', ') : null,
          clock ? h('span', { class: `clock clock-${clock.tone}` }, clock.text) : null,
        ),
      ),
      h(
        'span',
        { class: 'row-meta' },
        h('time', { datetime: conversation.lastMessageAt }, when(conversation.lastMessageAt)),
        h(
          'span',
          { class: 'row-badges' },
          h('span', { class: 'badge' }, channelName(conversation.channel)),
          h(
            'span',
            { class: 'count', title: 'Messages' },
            `${conversation.messageCount}`,
            h('span', { class: 'visually-hidden' }, conversation.messageCount === 1 ? ' message' : ' messages'),
          ),
        ),
      ),
    );
    link.addEventListener('click', (event) => {
      if (opensHere(event)) {
        event.preventDefault();
        this.open(conversation.id);
      }
    });
    return h('li', { class: lastPinned ? 'last-pinned' : undefined }, link);
  }
}

/** The line over the list: how many, how many unread, and which filters are narrowing it. */
export function inboxSummary(conversations: Pick<ConversationSummary, 'priority'>[], unread: number, filters: InboxFilters): string {
  const filtered = filtersDescription(filters);
  const inView = filters.view ? ` in ${viewLabel(filters.view)}` : '';
  if (conversations.length === 0) {
    if (filtered) {
      return `No conversations${inView} match ${filtered}.`;
    }
    return inView ? `No conversations${inView}.` : 'No conversations yet. New patient messages appear here by themselves.';
  }
  const n = conversations.length;
  const pinned = conversations.filter(isPinned).length;
  return (
    `${n} conversation${n === 1 ? '' : 's'}${inView}${filtered ? ` (${filtered})` : ''}, ${unread} unread` +
    (pinned ? `, ${pinned} critical on top` : '')
  );
}
