import { describe, expect, it } from 'vitest';
import type { LiveUpdateType } from '../api/live';
import { Changes } from '../live/liveFeed';
import { catchUp } from './catchUp';

const shown = { id: 'c1', version: 4, messages: [{}, {}] as never[] };

function heard(everything: boolean, ...types: [string, LiveUpdateType][]): Changes {
  const changes = new Changes(everything);
  for (const [conversationId, type] of types) {
    changes.add({ type, conversationId, locationCode: 'north', at: '2026-12-03T10:00:00Z' });
  }
  return changes;
}

describe('catching up the open conversation', () => {
  it('reads it again when its row shows a newer version or more messages', () => {
    expect(catchUp(shown, { version: 5, messageCount: 2 }, heard(false, ['c1', 'assigned']))).toBe('read');
    expect(catchUp(shown, { version: 4, messageCount: 3 }, heard(false, ['c1', 'message-added']))).toBe('read');
    // After a reconnection nothing is replayed: the row alone tells.
    expect(catchUp(shown, { version: 6, messageCount: 2 }, heard(true))).toBe('read');
  });

  it('does not read it again for its own action already shown, nor for other conversations', () => {
    expect(catchUp(shown, { version: 4, messageCount: 2 }, heard(false, ['c1', 'assigned']))).toBe('nothing');
    expect(catchUp(shown, { version: 4, messageCount: 2 }, heard(false, ['c2', 'message-added']))).toBe('nothing');
  });

  it('reads it again for a note, which its row does not show', () => {
    expect(catchUp(shown, { version: 4, messageCount: 2 }, heard(false, ['c1', 'note-added']))).toBe('read');
  });

  it('follows delivery without an audited read', () => {
    expect(catchUp(shown, { version: 4, messageCount: 2 }, heard(false, ['c1', 'delivery-updated']))).toBe('follow-replies');
    expect(catchUp(shown, undefined, heard(false, ['c1', 'delivery-updated']))).toBe('follow-replies');
    expect(catchUp(shown, { version: 4, messageCount: 2 }, heard(true))).toBe('follow-replies');
  });

  it('reads it again when a change took it out of the list in view', () => {
    expect(catchUp(shown, undefined, heard(false, ['c1', 'status-changed']))).toBe('read');
    expect(catchUp(shown, undefined, heard(false, ['c2', 'status-changed']))).toBe('nothing');
  });
});
