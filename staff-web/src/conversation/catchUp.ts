import type { ConversationDetail, ConversationSummary } from '../api/conversations';
import type { Changes } from '../live/liveFeed';

/**
 * What the open conversation does once the inbox has been read again. Reading it is audited, so it is read only when
 * it changed: its row shows a newer version or more messages, a colleague added a note (notes do not show on the
 * row), or it left the list after a change. Delivery progress holds no PHI and is followed without reading it.
 */
export type CatchUp = 'read' | 'follow-replies' | 'nothing';

export function catchUp(
  shown: Pick<ConversationDetail, 'id' | 'version' | 'messages'>,
  row: Pick<ConversationSummary, 'version' | 'messageCount'> | undefined,
  changes: Changes,
): CatchUp {
  const heard = changes.of(shown.id);
  const changed = row
    ? row.version > shown.version || row.messageCount > shown.messages.length || heard.has('note-added')
    : [...heard].some((type) => type !== 'delivery-updated');
  if (changed) {
    return 'read';
  }
  return heard.has('delivery-updated') || changes.everything ? 'follow-replies' : 'nothing';
}
