import { describe, expect, it } from 'vitest';
import { ConversationsApi, type Change } from '../api/conversations';
import { answering, failureOf } from '../testing/fakeApi';
import { changeWords } from './historyWords';

const change = (more: Partial<Change>): Change => ({
  at: '2026-12-03T10:00:00Z', actorId: 's1', actorName: 'frontdesk.north', action: 'claim', status: 'assigned',
  assignee: 'frontdesk.north', queue: 'north-front-desk', outcome: null, escalation: null, snoozedUntil: null, reason: null,
  ...more,
});

describe('history in words', () => {
  it('says who did what and where it left the conversation', () => {
    expect(changeWords(change({}))).toBe('frontdesk.north claimed it (owner frontdesk.north).');
    expect(changeWords(change({ action: 'resolve', status: 'resolved', outcome: 'appointment-confirmed' }))).toBe(
      'frontdesk.north resolved it (outcome Appointment confirmed).',
    );
    expect(changeWords(change({ action: 'assign', assignee: null, queue: 'north-billing', status: 'unassigned' }))).toBe(
      'frontdesk.north assigned it (queue North billing).',
    );
    expect(changeWords(change({ action: 'reopen', status: 'assigned' }))).toBe('frontdesk.north reopened it (Assigned).');
  });

  it('names the patient and CareThread itself, and shows an unknown action as words', () => {
    expect(changeWords(change({ actorName: 'patient', action: 'patient-message' }))).toBe('The patient wrote.');
    expect(changeWords(change({ actorName: 'system', action: 'auto-assign', assignee: 'nora.north' }))).toBe(
      'CareThread assigned it automatically (owner nora.north).',
    );
    expect(changeWords(change({ action: 'reply-scheduled' }))).toBe('frontdesk.north scheduled a reply.');
    expect(changeWords(change({ action: 'some-new-thing' }))).toBe('frontdesk.north some new thing.');
  });
});

describe('history and scheduled replies through the API', () => {
  it('reads the history, schedules a reply with its time in the body and cancels one by its id', async () => {
    const { calls, client } = answering(200, []);
    const api = new ConversationsApi(client);
    await api.history('c1');
    await api.scheduleReply('c1', { text: 'See you tomorrow' }, '2026-12-04T09:00:00-05:00');
    await api.cancelScheduledReply('c1', 's/1');
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', '/api/conversations/c1/history'],
      ['POST', '/api/conversations/c1/scheduled-replies'],
      ['DELETE', '/api/conversations/c1/scheduled-replies/s%2F1'],
    ]);
    expect(JSON.parse(calls[1].init.body as string)).toEqual({ text: 'See you tomorrow', sendAt: '2026-12-04T09:00:00-05:00' });
  });

  it('says a reply already sent cannot be cancelled, in the service\'s words', async () => {
    const { client } = answering(409, { status: 409, detail: 'This scheduled reply was already sent.' });
    expect((await failureOf(new ConversationsApi(client).cancelScheduledReply('c1', 's1'))).plainMessage).toBe(
      'This could not be done: This scheduled reply was already sent.',
    );
  });
});
