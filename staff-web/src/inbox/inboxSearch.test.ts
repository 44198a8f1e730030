// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import type { ConversationSummary, SearchCriteria } from '../api/conversations';
import { InboxView } from './inboxView';
import { ReadMarks } from './readMarks';

function conversation(id: string): ConversationSummary {
  return {
    id, locationCode: 'north', queue: 'north-front-desk', channel: 'sms', status: 'unassigned', assignee: null,
    outcome: null, snoozedUntil: null, escalation: null, version: 1, lastMessageAt: '2026-12-04T09:00:00Z',
    category: null, urgency: null, priority: 'normal', identity: null, patientId: null, directedTo: null,
    clockStartedAt: null, alertedAt: null, onCallStaff: null, patient: { address: '***-***-0100' }, messageCount: 1,
  };
}

/** A search the test answers when it chooses, as a slow network would. */
interface Pending { criteria: SearchCriteria; answer: (found: ConversationSummary[]) => void }

describe('the inbox search', () => {
  afterEach(() => {
    document.body.replaceChildren();
  });

  function inbox() {
    const pending: Pending[] = [];
    const view = new InboxView('frontdesk.north', new ReadMarks(), () => {}, () => {},
      (criteria) => new Promise((resolve) => pending.push({ criteria, answer: resolve })));
    document.body.append(view.element);
    view.render([conversation('in-the-inbox')], null);
    const box = view.element.querySelector<HTMLInputElement>('input[type="search"]')!;
    const search = async (words: string) => {
      box.value = words;
      view.element.querySelector('form')!.requestSubmit();
      await settle();
    };
    const shown = () => [...view.element.querySelectorAll<HTMLElement>('[data-conversation-id]')]
      .map((row) => row.dataset.conversationId);
    return { view, pending, search, shown };
  }

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('shows the answer to the newest search, whichever answer comes last', async () => {
    const { pending, search, shown } = inbox();
    await search('rash');
    await search('refill');
    pending[1].answer([conversation('refill-found')]);
    await settle();
    pending[0].answer([conversation('rash-found')]);
    await settle();
    expect(shown()).toEqual(['refill-found']);
  });

  it('keeps the inbox once the search is cleared, even if the answer comes after', async () => {
    const { view, pending, search, shown } = inbox();
    await search('rash');
    [...view.element.querySelectorAll('button')].find((b) => b.textContent === 'Clear search')!.click();
    pending[0].answer([conversation('rash-found')]);
    await settle();
    expect(shown()).toEqual(['in-the-inbox']);
    expect(view.element.querySelector('.inbox-summary')!.textContent).toContain('1 conversation');
  });

  it('pages on with "Show more results" while a page comes full, showing each conversation once', async () => {
    const { view, pending, search, shown } = inbox();
    const more = () => [...view.element.querySelectorAll('button')].find((b) => b.textContent === 'Show more results')!;
    const summary = () => view.element.querySelector('.inbox-summary')!.textContent;
    await search('refill');
    pending[0].answer(Array.from({ length: 50 }, (_, i) => conversation(`p${i}`)));
    await settle();
    expect(shown()).toHaveLength(50);
    expect(more().hidden).toBe(false);
    expect(summary()).toContain('These are the first 50; "Show more results" below finds the next.');

    more().click();
    expect(pending[1].criteria).toEqual({ words: 'refill', limit: 50, offset: 50 });
    // p49 had new activity between the pages and moved down onto the second.
    pending[1].answer([conversation('p49'), ...Array.from({ length: 19 }, (_, i) => conversation(`q${i}`))]);
    await settle();
    expect(shown()).toHaveLength(69);
    expect(new Set(shown()).size).toBe(69);
    expect(shown().slice(48, 51)).toEqual(['p48', 'p49', 'q0']);
    expect(more().hidden).toBe(true);
    expect(summary()).toMatch(/^69 conversations found \(your words\)\. Results stay/);
  });
});
