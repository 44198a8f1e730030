import { describe, expect, it } from 'vitest';
import { ConversationsApi } from '../api/conversations';
import { answering } from '../testing/fakeApi';
import { searchCriteria, searchSummary } from './search';

describe('search', () => {
  it('tells a phone number, an e-mail address and words apart', () => {
    expect(searchCriteria(' +1 (555) 765-4321 ')).toEqual({ phone: '+1 (555) 765-4321', limit: 50 });
    expect(searchCriteria('pat@example.org')).toEqual({ email: 'pat@example.org', limit: 50 });
    expect(searchCriteria('refill lisinopril')).toEqual({ words: 'refill lisinopril', limit: 50 });
    // Too few digits for a phone: looked for as words.
    expect(searchCriteria('2026')).toEqual({ words: '2026', limit: 50 });
    expect(searchCriteria('   ')).toBe('Type words from the messages, a phone number or an e-mail address.');
  });

  it('sends the search in the body, never in the address', async () => {
    const { calls, client } = answering(200, []);
    await new ConversationsApi(client).search({ phone: '+1 555 765 4321', limit: 50 });
    expect([calls[0].init.method, calls[0].url, calls[0].init.body]).toEqual([
      'POST',
      '/api/conversations/search',
      '{"phone":"+1 555 765 4321","limit":50}',
    ]);
  });

  it('says how many were found and that they do not update by themselves', () => {
    expect(searchSummary(0)).toBe('No conversation matches your search. Results stay as they were found; search again to see changes.');
    expect(searchSummary(1)).toMatch(/^1 conversation found\. /);
    expect(searchSummary(3)).toMatch(/^3 conversations found\. /);
  });
});
