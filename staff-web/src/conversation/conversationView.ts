import type { ConversationDetail, ConversationsApi, ConversationSummary, Message } from '../api/conversations';
import { ApiProblem } from '../api/problems';
import { ComposeBox } from '../compose/composeBox';
import { h } from '../ui/dom';
import { channelName, deliveryName, locationName, queueName, when } from '../ui/format';

const STILL_ON_ITS_WAY = new Set(['QUEUED', 'SUBMITTED']);

/**
 * One open conversation: its timeline and the reply box. Opening it reads the patient's messages, which the service
 * audits, so it is read again only when the inbox shows new messages; replies on their way are followed through
 * their delivery status, which holds no PHI and is not an audited read.
 */
export class ConversationView {
  readonly element: HTMLElement;
  private conversation?: ConversationDetail;
  private timeline?: HTMLOListElement;
  private header?: HTMLElement;
  // Made once: a new patient message re-renders the timeline, never a reply being written.
  private readonly compose = new ComposeBox((text, key) => this.reply(text, key));

  constructor(
    private readonly api: ConversationsApi,
    readonly id: string,
    private readonly onProblem: (problem: unknown) => void,
  ) {
    this.element = h('section', { class: 'conversation', 'aria-labelledby': 'conversation-heading', tabindex: '-1' },
      h('p', { class: 'loading' }, 'Opening the conversation…'));
  }

  async load(): Promise<void> {
    try {
      this.conversation = await this.api.get(this.id);
      this.render();
    } catch (e) {
      const message = e instanceof ApiProblem ? e.plainMessage : 'The conversation could not be opened.';
      this.header = this.timeline = undefined;
      this.element.replaceChildren(
        h('h2', { id: 'conversation-heading' }, 'Conversation'),
        h('p', { class: 'notice', role: 'alert' }, message),
      );
    }
  }

  /** Called on every inbox refresh with this conversation's row. */
  async refresh(summary: ConversationSummary | undefined): Promise<void> {
    if (!this.conversation) {
      return;
    }
    if (summary && summary.messageCount > this.conversation.messages.length) {
      await this.load();
      return;
    }
    await this.followReplies();
  }

  private async followReplies(): Promise<void> {
    const pending = this.conversation?.messages.filter(
      (m) => m.direction === 'outbound' && m.deliveryStatus !== null && STILL_ON_ITS_WAY.has(m.deliveryStatus),
    ) ?? [];
    for (const message of pending) {
      try {
        const status = await this.api.replyStatus(this.id, message.id);
        message.deliveryStatus = status.deliveryStatus;
        message.failureReason = status.failureReason;
        this.timeline?.querySelector(`[data-message-id="${CSS.escape(message.id)}"] .delivery`)?.replaceWith(deliveryOf(message));
      } catch (e) {
        this.onProblem(e);
      }
    }
  }

  private async reply(text: string, idempotencyKey: string): Promise<void> {
    const sent = await this.api.reply(this.id, text, idempotencyKey);
    if (!this.conversation || this.conversation.messages.some((m) => m.id === sent.id)) {
      return;
    }
    const message: Message = {
      id: sent.id,
      direction: 'outbound',
      channel: this.conversation.channel,
      text,
      at: sent.at,
      deliveryStatus: sent.deliveryStatus,
      failureReason: sent.failureReason,
      sentBy: null,
      sentByName: 'you',
    };
    this.conversation.messages.push(message);
    this.timeline?.append(messageItem(message));
    this.timeline?.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }

  private render(): void {
    const c = this.conversation!;
    const timeline = h('ol', { class: 'timeline', 'aria-label': 'Messages, oldest first' }, ...c.messages.map(messageItem));
    const header = h(
      'header',
      { class: 'conversation-header' },
      h('h2', { id: 'conversation-heading' }, c.patient.address),
      h(
        'p',
        { class: 'conversation-where' },
        `${locationName(c.locationCode)} · ${queueName(c.queue)} · ${channelName(c.channel)} · `,
        h('span', { class: 'status' }, c.status),
      ),
    );
    if (this.timeline && this.header) {
      this.header.replaceWith(header);
      this.timeline.replaceWith(timeline);
    } else {
      this.element.replaceChildren(header, timeline, this.compose.element);
    }
    this.header = header;
    this.timeline = timeline;
    timeline.lastElementChild?.scrollIntoView({ block: 'nearest' });
  }
}

function messageItem(message: Message): HTMLLIElement {
  const inbound = message.direction === 'inbound';
  return h(
    'li',
    { class: `message ${inbound ? 'inbound' : 'outbound'}`, 'data-message-id': message.id },
    h('p', { class: 'message-who' }, inbound ? 'Patient' : `Reply by ${message.sentByName ?? 'staff'}`),
    h('p', { class: 'message-text' }, message.text),
    h(
      'p',
      { class: 'message-meta' },
      h('time', { datetime: message.at }, when(message.at)),
      inbound ? null : deliveryOf(message),
    ),
  );
}

function deliveryOf(message: Message): HTMLElement {
  return h(
    'span',
    { class: 'delivery', 'data-status': message.deliveryStatus ?? '' },
    deliveryName(message.deliveryStatus),
    message.deliveryStatus === 'FAILED' && message.failureReason ? `: ${message.failureReason}` : null,
  );
}
