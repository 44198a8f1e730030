import { describe, expect, it } from 'vitest';
import { listPath } from '../api/conversations';
import { inboxSummary } from './inboxView';

describe('inbox summary and filters', () => {
  it('counts conversations, unread ones and pinned critical ones, naming the filters in force', () => {
    const rows = [{ priority: 'critical' as const }, { priority: 'normal' as const }];
    expect(inboxSummary(rows, 1, {})).toBe('2 conversations, 1 unread, 1 critical on top');
    expect(inboxSummary(rows.slice(1), 0, { urgency: 'routine', category: 'refill' })).toBe('1 conversation (Routine, Refill), 0 unread');
    expect(inboxSummary([], 0, { urgency: 'emergency' })).toBe('No conversations match Emergency.');
    expect(inboxSummary([], 0, {})).toContain('No conversations yet');
    expect(inboxSummary(rows, 0, { view: 'mine' })).toBe('2 conversations in Mine, 0 unread, 1 critical on top');
    expect(inboxSummary([], 0, { view: 'snoozed', urgency: 'urgent' })).toBe('No conversations in Snoozed match Urgent.');
    expect(inboxSummary([], 0, { view: 'aging' })).toBe('No conversations in Aging.');
  });

  it('asks the API to filter, leaving out the ones set to "all"', () => {
    expect(listPath()).toBe('/api/conversations?limit=200');
    expect(listPath({ urgency: '', category: '' })).toBe('/api/conversations?limit=200');
    expect(listPath({ urgency: 'emergency', category: 'records-forms' })).toBe(
      '/api/conversations?limit=200&urgency=emergency&category=records-forms',
    );
    expect(listPath({ view: 'awaiting-patient', urgency: 'urgent' })).toBe('/api/conversations?limit=200&view=awaiting-patient&urgency=urgent');
    expect(listPath({ view: '' })).toBe('/api/conversations?limit=200');
  });
});
