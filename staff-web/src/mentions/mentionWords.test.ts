import { describe, expect, it } from 'vitest';
import type { Mention } from '../api/mentions';
import { Changes } from '../live/liveFeed';
import { mayHaveMentioned, mentionLinkText, mentionsSummary, seenText, unseenCountText } from './mentionWords';

function mention(id: string, seenAt: string | null = null): Mention {
  return {
    id, conversationId: `c-${id}`, noteId: `n-${id}`, locationCode: 'north', mentionedBy: 'frontdesk.north',
    at: '2026-12-03T10:00:00Z', seenAt,
  };
}

function heard(...updates: [string, 'note-added' | 'message-added' | 'replied' | 'assigned'][]): Changes {
  const changes = new Changes();
  for (const [conversationId, type] of updates) {
    changes.add({ type, conversationId, locationCode: 'north', at: '2026-12-03T10:00:00Z' });
  }
  return changes;
}

describe('the unseen count beside Mentions', () => {
  it('says nothing at none, the number up to the service\'s limit, and "100+" at it', () => {
    expect(unseenCountText(0)).toBe('');
    expect(unseenCountText(1)).toBe('1');
    expect(unseenCountText(99)).toBe('99');
    expect(unseenCountText(100)).toBe('100+');
  });

  it('is counted again on a note, or after looking at everything, but not on other changes', () => {
    expect(mayHaveMentioned(heard(['c1', 'note-added']))).toBe(true);
    expect(mayHaveMentioned(heard(['c1', 'message-added'], ['c2', 'note-added']))).toBe(true);
    expect(mayHaveMentioned(new Changes(true))).toBe(true);
    expect(mayHaveMentioned(heard(['c1', 'message-added'], ['c1', 'replied'], ['c2', 'assigned']))).toBe(false);
    expect(mayHaveMentioned(new Changes())).toBe(false);
  });
});

describe('the Mentions list in words', () => {
  it('says it is loading until the first answer, and that nobody mentioned the person when none came', () => {
    expect(mentionsSummary(null, false, 'nurse')).toBe('Loading mentions…');
    expect(mentionsSummary([], false, 'nurse')).toBe(
      'Nobody has mentioned you since you last looked. When a colleague writes @nurse in a note, it shows here.');
    expect(mentionsSummary([], true, 'nurse')).toBe(
      'Nobody has mentioned you in a note yet. When a colleague writes @nurse in a note, it shows here.');
  });

  it('counts what is shown, and with the seen ones how many are not seen yet', () => {
    expect(mentionsSummary([mention('1')], false, 'nurse')).toBe('1 unseen mention, newest first.');
    expect(mentionsSummary([mention('1'), mention('2')], false, 'nurse')).toBe('2 unseen mentions, newest first.');
    expect(mentionsSummary([mention('1'), mention('2', '2026-12-03T11:00:00Z')], true, 'nurse'))
      .toBe('2 mentions, newest first, 1 not seen yet.');
    expect(mentionsSummary([mention('2', '2026-12-03T11:00:00Z')], true, 'nurse')).toBe('1 mention, newest first, all seen.');
    const full = Array.from({ length: 100 }, (_, i) => mention(String(i)));
    expect(mentionsSummary(full, false, 'nurse')).toBe('The newest 100 unseen mentions, newest first.');
  });

  it('names who mentioned the person and the conversation by its location only, and whether it was seen', () => {
    expect(mentionLinkText(mention('1'))).toBe('frontdesk.north mentioned you in a conversation at North Clinic');
    expect(mentionLinkText({ mentionedBy: 'nurse', locationCode: 'east' })).toBe('nurse mentioned you in a conversation at east');
    expect(seenText(mention('1'))).toBe('Not seen yet');
    const now = new Date('2026-12-03T12:00:00');
    expect(seenText({ seenAt: new Date('2026-12-03T11:05:00').toISOString() }, now)).toMatch(/^Seen 11:05/);
  });
});
