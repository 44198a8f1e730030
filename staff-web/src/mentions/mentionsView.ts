import type { Mention, MentionsApi } from '../api/mentions';
import { ApiProblem } from '../api/problems';
import { pathOf } from '../app/router';
import { h, opensHere } from '../ui/dom';
import { when } from '../ui/format';
import { mentionLinkText, mentionsSummary, seenText } from './mentionWords';

export interface MentionsViewOptions {
  /** The person's username: what colleagues write after the @. */
  me: string;
  /** Opens a conversation beside the inbox. */
  open: (conversationId: string) => void;
  /** A mention was marked seen: the count in the top bar goes down. */
  onSeen: () => void;
  /** Problems the whole app handles (an expired sign-in signs out). */
  onProblem: (problem: unknown) => boolean;
}

/**
 * The Mentions screen: notes in which a colleague wrote @username, newest first, unseen ones only unless the person
 * asks for the seen ones too. A mention carries no note text and nothing about the patient, so the list is read
 * whenever it may have changed; opening one marks it seen and shows the note in its conversation.
 */
export class MentionsView {
  readonly element: HTMLElement;
  private readonly heading = h('h1', { id: 'mentions-heading', tabindex: '-1' }, 'Mentions');
  private readonly seenToo = h('input', { id: 'mentions-seen-too', type: 'checkbox' });
  private readonly summary = h('p', { class: 'mentions-summary', 'aria-live': 'polite' });
  private readonly problem = h('p', { class: 'mentions-problem', role: 'alert' });
  private readonly list = h('ol', { class: 'mention-list', role: 'list' });
  /**
   * The last answer and whether it holds the seen ones too. Null until the first: "nobody has mentioned you" must
   * not be said while loading.
   */
  private shown: { mentions: Mention[]; seenToo: boolean } | null = null;
  /** Each ask gets a number; the answer to an ask made before the toggle changed is dropped. */
  private round = 0;

  constructor(private readonly api: MentionsApi, private readonly options: MentionsViewOptions) {
    this.seenToo.addEventListener('change', () => void this.load());
    this.element = h(
      'section',
      { class: 'page mentions', 'aria-labelledby': 'mentions-heading' },
      h(
        'header',
        { class: 'page-header' },
        this.heading,
        h(
          'p',
          { class: 'page-intro' },
          `Notes in which a colleague wrote @${options.me}. Open one to read the note in its conversation; it then ` +
            'counts as seen.',
        ),
        h(
          'div',
          { class: 'mentions-toolbar' },
          h('div', { class: 'checkbox' }, this.seenToo, h('label', { for: 'mentions-seen-too' }, 'Show seen ones too')),
          this.summary,
        ),
      ),
      this.problem,
      this.list,
    );
    this.render();
  }

  async load(): Promise<void> {
    const round = ++this.round;
    const seenToo = this.seenToo.checked;
    try {
      const mentions = await this.api.mine(!seenToo);
      if (round !== this.round) {
        return;
      }
      this.shown = { mentions, seenToo };
      this.problem.textContent = '';
    } catch (e) {
      if (round !== this.round || this.options.onProblem(e)) {
        return;
      }
      this.problem.textContent = e instanceof ApiProblem ? e.plainMessage : 'Your mentions could not be loaded. Please try again.';
    }
    this.render();
  }

  /** Keyboard focus stays on the same mention when the list is redrawn; on the heading when that one left it. */
  private render(): void {
    const focused = this.list.contains(document.activeElement)
      ? (document.activeElement as HTMLElement).dataset.mentionId
      : undefined;
    this.summary.textContent = mentionsSummary(this.shown?.mentions ?? null, this.shown?.seenToo ?? false, this.options.me);
    this.list.replaceChildren(...(this.shown?.mentions ?? []).map((mention) => this.item(mention)));
    if (focused) {
      const same = [...this.list.querySelectorAll<HTMLElement>('.mention-link')].find((l) => l.dataset.mentionId === focused);
      (same ?? this.heading).focus();
    }
  }

  private item(mention: Mention): HTMLLIElement {
    const detailsId = `mention-${mention.id}`;
    const link = h(
      'a',
      {
        class: 'mention-link',
        href: pathOf({ page: 'conversation', id: mention.conversationId }),
        'aria-describedby': detailsId,
        'data-mention-id': mention.id,
      },
      mentionLinkText(mention),
    );
    link.addEventListener('click', (event) => {
      if (!mention.seenAt) {
        void this.markSeen(mention);
      }
      if (opensHere(event)) {
        event.preventDefault();
        this.options.open(mention.conversationId);
      }
    });
    return h(
      'li',
      { class: mention.seenAt ? 'mention-item' : 'mention-item unseen' },
      link,
      h(
        'p',
        { id: detailsId, class: 'mention-details' },
        h('time', { datetime: mention.at }, when(mention.at)),
        ` · ${seenText(mention)}`,
      ),
    );
  }

  /**
   * Marks it seen without holding up the conversation opening. When the list is still on screen (opened in another
   * tab), it shows the change; either way the top bar counts again.
   */
  private async markSeen(mention: Mention): Promise<void> {
    try {
      const seen = await this.api.seen(mention.id);
      if (this.shown) {
        const { mentions, seenToo } = this.shown;
        this.shown = {
          mentions: seenToo ? mentions.map((m) => (m.id === seen.id ? seen : m)) : mentions.filter((m) => m.id !== seen.id),
          seenToo,
        };
        this.render();
      }
      this.options.onSeen();
    } catch (e) {
      if (!this.options.onProblem(e)) {
        this.problem.textContent = e instanceof ApiProblem ? e.plainMessage : 'That mention could not be marked seen.';
      }
    }
  }
}
