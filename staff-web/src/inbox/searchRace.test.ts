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

describe('the inbox search when answers come late', () => {
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
});
