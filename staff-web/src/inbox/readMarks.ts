import type { ConversationSummary } from '../api/conversations';

/**
 * Which conversations had activity since this person last opened them. Kept in memory only: it is about this
 * sitting at the desk, and nothing about patients may stay behind in the browser.
 */
export class ReadMarks {
  private readonly seen = new Map<string, number>();

  markSeen(conversation: Pick<ConversationSummary, 'id' | 'lastMessageAt'>): void {
    this.seen.set(conversation.id, Date.parse(conversation.lastMessageAt));
  }

  isUnread(conversation: Pick<ConversationSummary, 'id' | 'lastMessageAt'>): boolean {
    const seen = this.seen.get(conversation.id);
    return seen === undefined || Date.parse(conversation.lastMessageAt) > seen;
  }
}
