import { describe, expect, it } from 'vitest';
import { ConversationsApi } from '../api/conversations';
import { answering } from '../testing/fakeApi';
import { searchCriteria, searchSummary, type SearchFields } from './search';

const nothing: SearchFields = { typed: '', statuses: [], owner: '', queue: '', category: '', priority: '', from: '', to: '' };
const typed = (text: string): SearchFields => ({ ...nothing, typed: text });
/** The day's own formatting is the browser's; these tests look at the words around it. */
const day = (iso: string) => `<${iso}>`;

describe('search', () => {
  it('tells a phone number, an e-mail address and words apart', () => {
    expect(searchCriteria(typed(' +1 (555) 765-4321 '))).toEqual({ phone: '+1 (555) 765-4321', limit: 50 });
    expect(searchCriteria(typed('pat@example.org'))).toEqual({ email: 'pat@example.org', limit: 50 });
    expect(searchCriteria(typed('refill lisinopril'))).toEqual({ words: 'refill lisinopril', limit: 50 });
    // Too few digits for a phone: looked for as words.
    expect(searchCriteria(typed('2026'))).toEqual({ words: '2026', limit: 50 });
    expect(searchCriteria(typed('   '))).toBe(
      'Type words from the messages, a phone number or an e-mail address, or choose under "More filters".',
    );
  });

  it('searches by the filters alone, each one given and the empty ones left out', () => {
    expect(searchCriteria({ ...nothing, statuses: ['resolved'], queue: 'north-billing' })).toEqual({
      status: ['resolved'], queue: 'north-billing', limit: 50,
    });
    expect(searchCriteria({
      typed: 'refill', statuses: ['assigned', 'awaiting-patient'], owner: ' frontdesk.north ', queue: 'north-refills',
      category: 'refill', priority: 'high', from: '', to: '',
    })).toEqual({
      words: 'refill', status: ['assigned', 'awaiting-patient'], assignee: 'frontdesk.north', queue: 'north-refills',
      category: 'refill', priority: 'high', limit: 50,
    });
    expect(searchCriteria({ ...nothing, owner: '   ' })).toMatch(/^Type words/);
  });

  it("sends days as the start of the person's day with their offset; To is not included", () => {
    const found = searchCriteria({ ...nothing, from: '2026-11-02', to: '2026-11-09' });
    if (typeof found === 'string') {
      throw new Error(found);
    }
    expect(found.from).toMatch(/^2026-11-02T00:00:00[+-]\d\d:\d\d$/);
    expect(found.to).toMatch(/^2026-11-09T00:00:00[+-]\d\d:\d\d$/);
    expect(Date.parse(found.from!)).toBe(new Date(2026, 10, 2).getTime());
    expect(Date.parse(found.to!)).toBe(new Date(2026, 10, 9).getTime());
    expect(searchCriteria({ ...nothing, to: '2026-11-09' })).toEqual({ to: found.to, limit: 50 });
  });

  it('refuses a period that does not start before it ends, or a date typed in part, in words', () => {
    expect(searchCriteria({ ...nothing, statuses: ['resolved'], from: '2026-11-09', to: '2026-11-02' })).toBe('"From" must be before "To".');
    expect(searchCriteria({ ...nothing, from: '2026-11-09', to: '2026-11-09' })).toBe('"From" must be before "To".');
    expect(searchCriteria({ ...nothing, statuses: ['resolved'], to: 'incomplete' })).toBe('Enter the dates in full, or leave them empty.');
  });

  it('sends the search in the body, never in the address', async () => {
    const { calls, client } = answering(200, []);
    await new ConversationsApi(client).search({ phone: '+1 555 765 4321', status: ['resolved'], limit: 50 });
    expect([calls[0].init.method, calls[0].url, calls[0].init.body]).toEqual([
      'POST',
      '/api/conversations/search',
      '{"phone":"+1 555 765 4321","status":["resolved"],"limit":50}',
    ]);
  });

  it('says how many were found, for what, and that they do not update by themselves', () => {
    expect(searchSummary(0, false, { words: 'refill', limit: 50 }, 'me', day)).toBe(
      'No conversation matches your search (your words). Results stay as they were found; search again to see changes.',
    );
    expect(searchSummary(1, false, { phone: '+1 555 765 4321', limit: 50 }, 'me', day)).toMatch(/^1 conversation found \(a phone number\)\. /);
    expect(searchSummary(3, false, { email: 'pat@example.org', status: ['resolved'], limit: 50 }, 'me', day))
      .toMatch(/^3 conversations found \(an e-mail address, Resolved\)\. /);
    expect(searchSummary(2, false, {
      status: ['assigned', 'awaiting-patient'], assignee: 'me', queue: 'north-billing', category: 'billing', priority: 'high',
      from: '2026-11-02T00:00:00-05:00', to: '2026-11-09T00:00:00-05:00', limit: 50,
    }, 'me', day)).toMatch(new RegExp('^2 conversations found \\(Assigned or Awaiting patient, owner you, North billing queue, Billing, '
      + 'High priority, last activity from <2026-11-02T00:00:00-05:00> and before <2026-11-09T00:00:00-05:00>\\)\\. '));
    expect(searchSummary(1, false, { assignee: 'nurse', to: '2026-11-09T00:00:00-05:00', limit: 50 }, 'me', day))
      .toMatch(/^1 conversation found \(owner nurse, last activity before <2026-11-09T00:00:00-05:00>\)\. /);
  });

  it('never repeats the phone number or e-mail address searched for', () => {
    const summary = searchSummary(1, false, { phone: '+1 555 765 4321', limit: 50 }, 'me', day) + searchSummary(1, false, { email: 'pat@example.org', limit: 50 }, 'me', day);
    expect(summary).not.toContain('4321');
    expect(summary).not.toContain('pat@');
  });

  it('says when a page is full, so more may be there', () => {
    expect(searchSummary(50, true, { status: ['resolved'], limit: 50 }, 'me', day)).toBe(
      '50 conversations found (Resolved). These are the first 50; "Show more results" below finds the next. '
        + 'Results stay as they were found; search again to see changes.',
    );
  });
});
