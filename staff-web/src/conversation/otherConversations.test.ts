// @vitest-environment happy-dom
import { describe, expect, it, vi } from 'vitest';
import type { ConversationSummary } from '../api/conversations';
import { otherConversations } from './conversationView';

const earlier = {
  id: 'c-south-1', locationCode: 'south', queue: 'south-refills', channel: 'email', status: 'resolved',
  lastMessageAt: '2026-11-20T15:04:00Z',
} as ConversationSummary;

describe('otherConversations', () => {
  it('links each of the patient’s other conversations by where, how and how it stands, and opens it in the app', () => {
    const open = vi.fn();
    const list = otherConversations([earlier], open);
    const link = list.querySelector('a')!;
    expect(link.textContent).toBe('South Clinic · South refills · Email · Resolved');
    expect(link.getAttribute('href')).toBe('/conversations/c-south-1');
    expect(list.querySelector('ul')!.getAttribute('aria-labelledby')).toBe('other-conversations-heading');

    link.dispatchEvent(new MouseEvent('click', { button: 0, bubbles: true, cancelable: true }));
    expect(open).toHaveBeenCalledWith('c-south-1');
  });

  it('says so when there is no other', () => {
    expect(otherConversations([]).textContent).toContain('None: this is their only conversation.');
  });
});
