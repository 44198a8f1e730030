import type { Mention } from '../api/mentions';
import { h } from '../ui/dom';
import { unseenCountText } from './mentionWords';

/**
 * How many mentions the person has not seen, beside "Mentions" in the top bar. One element, kept across the
 * navigation's redraws; the visible number is read out as "3 unseen". Mentions in the conversation the person has
 * open count as seen, however it was opened: its notes are in front of them.
 */
export class MentionCount {
  readonly element = h('span', { class: 'nav-count', hidden: true });
  /** Each count asked for gets a number; an older answer arriving late never overwrites a newer one. */
  private round = 0;
  /** The conversation on screen, if any. */
  private reading: string | null = null;

  constructor(
    private readonly unseen: () => Promise<Mention[]>,
    private readonly markSeen: (mentionId: string) => Promise<unknown>,
    /** Problems the whole app handles (an expired sign-in signs out). */
    private readonly onProblem: (problem: unknown) => boolean,
  ) {}

  /** The person opened this conversation (null: none is open); its mentions are marked seen. */
  reads(conversationId: string | null): void {
    this.reading = conversationId;
    if (conversationId) {
      void this.refresh();
    }
  }

  async refresh(): Promise<void> {
    const round = ++this.round;
    try {
      const unseen = await this.unseen();
      const read = unseen.filter((m) => m.conversationId === this.reading);
      await Promise.all(read.map((m) => this.markSeen(m.id)));
      if (round === this.round) {
        this.show(unseen.length - read.length);
      }
    } catch (e) {
      // Otherwise the number stays as it was: the inbox already says when CareThread cannot be reached.
      this.onProblem(e);
    }
  }

  private show(unseen: number): void {
    const text = unseenCountText(unseen);
    this.element.hidden = text === '';
    // The leading space keeps "Mentions" and the number apart in the link's accessible name.
    this.element.replaceChildren(` ${text}`, h('span', { class: 'visually-hidden' }, ' unseen'));
  }
}
