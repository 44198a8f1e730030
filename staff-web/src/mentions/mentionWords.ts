import type { Mention } from '../api/mentions';
import type { Changes } from '../live/liveFeed';
import { locationName, when } from '../ui/format';

/** conversation-service answers at most this many mentions, newest first. */
export const MENTIONS_LIMIT = 100;

/**
 * The number beside "Mentions" in the top bar: nothing at 0, and "100+" when the service's limit is reached, since
 * there may be more.
 */
export function unseenCountText(unseen: number): string {
  if (unseen <= 0) {
    return '';
  }
  return unseen >= MENTIONS_LIMIT ? `${MENTIONS_LIMIT}+` : String(unseen);
}

/**
 * Whether the unseen mentions may have changed. The live stream announces every note at the person's locations
 * (`note-added`, without saying whom it mentions), so any note, or a look at everything after a (re)connection or a
 * poll while disconnected, is a reason to count again; other changes never add a mention.
 */
export function mayHaveMentioned(changes: Changes): boolean {
  return changes.everything || [...changes.byConversation.values()].some((types) => types.has('note-added'));
}

/** The list's summary: loading, empty in words, or how many are shown. `me` is the username colleagues write. */
export function mentionsSummary(shown: readonly Mention[] | null, seenToo: boolean, me: string): string {
  if (shown === null) {
    return 'Loading mentions…';
  }
  const n = shown.length;
  if (n === 0) {
    return seenToo
      ? `Nobody has mentioned you in a note yet. When a colleague writes @${me} in a note, it shows here.`
      : `Nobody has mentioned you since you last looked. When a colleague writes @${me} in a note, it shows here.`;
  }
  const count = n >= MENTIONS_LIMIT ? `The newest ${MENTIONS_LIMIT}` : String(n);
  if (!seenToo) {
    return `${count} unseen mention${n === 1 ? '' : 's'}, newest first.`;
  }
  const unseen = shown.filter((m) => !m.seenAt).length;
  return `${count} mention${n === 1 ? '' : 's'}, newest first, ${unseen === 0 ? 'all seen' : `${unseen} not seen yet`}.`;
}

/** What a mention's link says: who, and the conversation in the only words the mention carries (no PHI). */
export function mentionLinkText(mention: Pick<Mention, 'mentionedBy' | 'locationCode'>): string {
  return `${mention.mentionedBy} mentioned you in a conversation at ${locationName(mention.locationCode)}`;
}

/** Whether it was opened: "Not seen yet", or when it was. */
export function seenText(mention: Pick<Mention, 'seenAt'>, now = new Date()): string {
  return mention.seenAt ? `Seen ${when(mention.seenAt, now)}` : 'Not seen yet';
}
