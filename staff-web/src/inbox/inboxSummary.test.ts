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
  });

  it('asks the API to filter, leaving out the ones set to "all"', () => {
    expect(listPath()).toBe('/api/conversations?limit=200');
    expect(listPath({ urgency: '', category: '' })).toBe('/api/conversations?limit=200');
    expect(listPath({ urgency: 'emergency', category: 'records-forms' })).toBe(
      '/api/conversations?limit=200&urgency=emergency&category=records-forms',
    );
  });
});
