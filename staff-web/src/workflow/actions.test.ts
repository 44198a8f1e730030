import { describe, expect, it } from 'vitest';
import { ConversationsApi, type ConversationSummary } from '../api/conversations';
import { ApiProblem } from '../api/problems';
import { answering, failureOf } from '../testing/fakeApi';
import { actionDone, actionsFor, refusal, tomorrowMorning, withOffset } from './actions';

const row = { status: 'assigned', assignee: 'nurse' } as ConversationSummary;

describe('conversation actions', () => {
  it('offers what the service allows in each status', () => {
    expect(actionsFor({ status: 'unassigned', assignee: null }, 'me')).toEqual(['claim', 'assign', 'handoff', 'escalate', 'snooze', 'resolve']);
    expect(actionsFor({ status: 'assigned', assignee: 'me' }, 'me')).toEqual(['assign', 'handoff', 'escalate', 'snooze', 'resolve']);
    expect(actionsFor({ status: 'snoozed', assignee: 'me' }, 'me')).toContain('reopen');
    expect(actionsFor({ status: 'resolved', assignee: 'me' }, 'me')).toEqual(['reopen', 'resolve']);
  });

  it('posts each action with If-Match of the version shown and its body', async () => {
    const { calls, client } = answering(200, row);
    const api = new ConversationsApi(client);
    await api.act('c/1', 7, { action: 'claim' });
    await api.act('c1', 8, { action: 'handoff', to: 'nurse', reason: 'Needs a clinical answer' });
    await api.act('c1', 9, { action: 'resolve', outcome: 'rescheduled' });
    expect(calls.map((c) => [c.init.method, c.url, (c.init.headers as Record<string, string>)['If-Match'], c.init.body])).toEqual([
      ['POST', '/api/conversations/c%2F1/claim', '"7"', undefined],
      ['POST', '/api/conversations/c1/handoff', '"8"', '{"to":"nurse","reason":"Needs a clinical answer"}'],
      ['POST', '/api/conversations/c1/resolve', '"9"', '{"outcome":"rescheduled"}'],
    ]);
  });

  it('explains a colleague\'s change (412) and a colleague\'s claim (409), and reads the conversation again', async () => {
    const stale = await failureOf(new ConversationsApi(answering(412, { status: 412, detail: 'changed since version 3' }).client)
      .act('c1', 3, { action: 'claim' }));
    expect(refusal(stale)).toEqual({
      message: expect.stringContaining('Someone else changed this conversation since you opened it, so nothing was done.'),
      readAgain: true,
    });
    const held = new ApiProblem(409, 'x', { status: 409, detail: 'Conversation already claimed by nurse' });
    expect(refusal(held)).toEqual({
      message: 'Conversation already claimed by nurse. Nothing was done; the conversation now shows where it stands.',
      readAgain: true,
    });
    const invalid = new ApiProblem(400, 'That did not go through: until must be in the future', { status: 400 });
    expect(refusal(invalid)).toEqual({ message: 'That did not go through: until must be in the future', readAgain: false });
  });

  it('says what happened in words', () => {
    expect(actionDone({ action: 'claim' }, row, 'me')).toBe('Claimed: this conversation is yours now.');
    expect(actionDone({ action: 'assign', queue: 'north-billing' }, row, 'me')).toBe('Moved to the queue north-billing, without an owner.');
    expect(actionDone({ action: 'escalate', kind: 'call-patient', reason: 'r' }, row, 'me')).toBe('Escalated: Call the patient.');
    expect(actionDone({ action: 'resolve', outcome: 'rescheduled' }, row, 'me', 'Rescheduled')).toBe('Resolved: Rescheduled.');
    expect(actionDone({ action: 'reopen' }, row, 'me')).toBe('Reopened: Assigned.');
  });

  it('sends snooze times with the person\'s offset', () => {
    const iso = withOffset('2026-12-04T09:00');
    expect(iso).toMatch(/^2026-12-04T09:00:00[+-]\d\d:\d\d$/);
    expect(Date.parse(iso)).toBe(new Date('2026-12-04T09:00').getTime());
    expect(() => withOffset('')).toThrow(RangeError);
    expect(tomorrowMorning(new Date(2026, 11, 31, 17, 30))).toBe('2027-01-01T09:00');
  });
});
