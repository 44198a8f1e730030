import { describe, expect, it } from 'vitest';
import type { TriageFields } from '../api/conversations';
import {
  autoReplyLabel,
  CATEGORY_FILTERS,
  categoryLabel,
  directedToName,
  filtersDescription,
  identityLabel,
  isPinned,
  PRIORITY_FILTERS,
  triageBadges,
  URGENCY_FILTERS,
} from './labels';

const routine: TriageFields = {
  category: 'general',
  urgency: 'routine',
  priority: 'normal',
  identity: 'matched',
  patientId: 'p1',
  directedTo: null,
  clockStartedAt: null,
  alertedAt: null,
  onCallStaff: null,
};

const texts = (row: Partial<TriageFields>) => triageBadges({ ...routine, ...row }, (iso) => `at ${iso}`).map((b) => b.text);

describe('triage labels', () => {
  it('names every category in the practice\'s words, and an unknown one as it is', () => {
    expect(
      ['refill', 'billing', 'test-results', 'records-forms', 'clinical-question', 'scheduling', 'cancellation', 'general'].map(categoryLabel),
    ).toEqual(['Refill', 'Billing', 'Test results', 'Records & forms', 'Clinical question', 'Scheduling', 'Cancel / reschedule', 'General']);
    expect(categoryLabel('dental')).toBe('dental');
    expect(categoryLabel(null)).toBeNull();
  });

  it('says who the sender is only when staff must act on it', () => {
    expect(identityLabel('new-contact')).toBe('New contact');
    expect(identityLabel('review')).toBe('Needs identity check');
    expect(texts({ identity: 'matched' })).toEqual(['General']);
    expect(texts({ identity: 'review' })).toEqual(['General', 'Needs identity check']);
    expect(texts({ identity: 'new-contact' })).toEqual(['General', 'New contact']);
  });

  it('marks an emergency in words and pins it, without repeating its critical priority', () => {
    const badges = triageBadges({ ...routine, urgency: 'emergency', priority: 'critical', category: 'clinical-question' });
    expect(badges.map((b) => [b.tone, b.text])).toEqual([
      ['emergency', 'Emergency'],
      ['category', 'Clinical question'],
    ]);
    expect(isPinned({ priority: 'critical' })).toBe(true);
    expect(isPinned({ priority: 'high' })).toBe(false);
  });

  it('keeps a conversation that was an emergency marked critical after a routine follow-up', () => {
    expect(texts({ priority: 'critical', urgency: 'routine' })).toEqual(['Critical', 'General']);
  });

  it('shows urgent in amber words, and a priority only when the urgency does not already say it', () => {
    const urgent = triageBadges({ ...routine, urgency: 'urgent', priority: 'high', category: 'refill' });
    expect(urgent.map((b) => [b.tone, b.text])).toEqual([['urgent', 'Urgent'], ['category', 'Refill']]);
    expect(texts({ priority: 'high' })).toEqual(['High priority', 'General']);
    expect(texts({ priority: 'low' })).toEqual(['Low priority', 'General']);
    expect(texts({ priority: 'normal' })).toEqual(['General']);
  });

  it('says the on-call alert and whom it went to, and whom the message is directed to', () => {
    const [alerted, ...rest] = triageBadges(
      { ...routine, category: null, urgency: null, alertedAt: '2026-11-22T09:00:00Z', onCallStaff: 'nurse', directedTo: 'team:care-a' },
      (iso) => `at ${iso}`,
    );
    expect(alerted).toEqual({ tone: 'alerted', text: 'On-call alerted', title: 'On-call nurse was alerted at at 2026-11-22T09:00:00Z.' });
    expect(rest.map((b) => b.text)).toEqual(['For Care a team']);
    expect(triageBadges({ ...routine, alertedAt: 'x', onCallStaff: null }, (iso) => iso)[1].title).toContain('the whole queue was alerted');
    expect(directedToName('dr.lee')).toBe('dr.lee');
    expect(directedToName(null)).toBeNull();
  });

  it('shows nothing invented for a conversation from before triage', () => {
    expect(texts({ category: null, urgency: null, identity: null, priority: 'normal' })).toEqual([]);
  });

  it('labels automatic replies by their kind', () => {
    expect(autoReplyLabel('safety')).toBe('Automatic reply (safety)');
    expect(autoReplyLabel('after-hours')).toBe('Automatic reply (after hours)');
    expect(autoReplyLabel(null)).toBeNull();
  });

  it('offers every API filter value once, with "all" first, and describes the ones in force', () => {
    expect(URGENCY_FILTERS.map((o) => o.value)).toEqual(['', 'emergency', 'urgent', 'routine']);
    expect(CATEGORY_FILTERS[0]).toEqual({ value: '', label: 'All categories' });
    expect(new Set(CATEGORY_FILTERS.map((o) => o.value)).size).toBe(9);
    expect(PRIORITY_FILTERS.map((o) => o.label)).toEqual(['All priorities', 'Critical', 'High priority', 'Normal priority', 'Low priority']);
    expect(filtersDescription({ urgency: 'emergency', category: 'refill' })).toBe('Emergency, Refill');
    expect(filtersDescription({ urgency: '', category: '' })).toBeNull();
  });
});
