import { describe, expect, it } from 'vitest';
import { ReadMarks } from './readMarks';

describe('ReadMarks', () => {
  it('marks a conversation unread until it is opened, and again when something new arrives', () => {
    const marks = new ReadMarks();
    const first = { id: 'c1', lastMessageAt: '2026-11-22T09:00:00Z' };
    expect(marks.isUnread(first)).toBe(true);
    marks.markSeen(first);
    expect(marks.isUnread(first)).toBe(false);
    expect(marks.isUnread({ id: 'c1', lastMessageAt: '2026-11-22T09:05:00Z' })).toBe(true);
    expect(marks.isUnread({ id: 'c2', lastMessageAt: '2026-11-22T08:00:00Z' })).toBe(true);
  });
});
