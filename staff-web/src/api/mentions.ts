import type { ApiClient } from './client';

/** A colleague mentioned the signed-in person in a note. No note text and nothing about the patient. */
export interface Mention {
  id: string;
  conversationId: string;
  noteId: string;
  locationCode: string;
  /** The colleague's username. */
  mentionedBy: string;
  at: string;
  /** When the person opened it; null while unseen. */
  seenAt: string | null;
}

const MENTION_NOT_FOUND = 'This mention is no longer yours to see. Look at the list again.';

/** conversation-service's mentions of the signed-in person, at their locations. Not audited: they hold no PHI. */
export class MentionsApi {
  constructor(private readonly api: ApiClient) {}

  /** Newest first, at most 100; only the unseen ones unless `unseenOnly` is false. */
  mine(unseenOnly: boolean): Promise<Mention[]> {
    return this.api.request(`/api/mentions?unseen=${unseenOnly}`);
  }

  seen(mentionId: string): Promise<Mention> {
    return this.api.request(`/api/mentions/${encodeURIComponent(mentionId)}/seen`, {
      method: 'POST',
      notFound: MENTION_NOT_FOUND,
    });
  }
}
