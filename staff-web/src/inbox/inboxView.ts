import type { ConversationSummary } from '../api/conversations';
import { h } from '../ui/dom';
import { channelName, locationName, queueName, when } from '../ui/format';
import type { ReadMarks } from './readMarks';

/**
 * The list of conversations the person may see, newest activity first. Rows are links, so the keyboard, the
 * browser's "open in new tab" and screen readers all work as they do everywhere else.
 */
export class InboxView {
  readonly element: HTMLElement;
  private readonly list: HTMLUListElement;
  private readonly summary: HTMLParagraphElement;

  constructor(
    private readonly marks: ReadMarks,
    private readonly open: (id: string) => void,
  ) {
    this.list = h('ul', { class: 'inbox-list', role: 'list' });
    this.summary = h('p', { class: 'inbox-summary', 'aria-live': 'polite' }, 'Loading conversations…');
    this.element = h(
      'section',
      { class: 'inbox', 'aria-labelledby': 'inbox-heading' },
      h('h1', { id: 'inbox-heading' }, 'Inbox'),
      this.summary,
      this.list,
    );
  }

  render(conversations: ConversationSummary[], openId: string | null): void {
    // Rebuilding the rows every refresh is cheap; keeping keyboard focus on the same row is what matters.
    const focusedId = (document.activeElement as HTMLElement | null)?.dataset?.conversationId;
    const unread = conversations.filter((c) => this.marks.isUnread(c)).length;
    this.summary.textContent =
      conversations.length === 0
        ? 'No conversations yet. New patient messages appear here by themselves.'
        : `${conversations.length} conversation${conversations.length === 1 ? '' : 's'}, ${unread} unread`;
    this.list.replaceChildren(...conversations.map((c) => this.row(c, c.id === openId)));
    if (focusedId) {
      this.list.querySelector<HTMLElement>(`[data-conversation-id="${CSS.escape(focusedId)}"]`)?.focus();
    }
  }

  private row(conversation: ConversationSummary, isOpen: boolean): HTMLLIElement {
    const unread = this.marks.isUnread(conversation);
    const link = h(
      'a',
      {
        href: `/conversations/${encodeURIComponent(conversation.id)}`,
        class: `inbox-row${unread ? ' unread' : ''}${isOpen ? ' open' : ''}`,
        'data-conversation-id': conversation.id,
        'aria-current': isOpen ? 'page' : undefined,
      },
      h('span', { class: 'unread-dot', 'aria-hidden': 'true' }),
      h(
        'span',
        { class: 'row-main' },
        h('span', { class: 'patient' }, unread ? h('span', { class: 'visually-hidden' }, 'Unread: ') : null, conversation.patient.address),
        h('span', { class: 'row-where' }, `${locationName(conversation.locationCode)} · ${queueName(conversation.queue)}`),
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
      if (event.button === 0 && !event.ctrlKey && !event.metaKey && !event.shiftKey) {
        event.preventDefault();
        this.open(conversation.id);
      }
    });
    return h('li', {}, link);
  }
}
