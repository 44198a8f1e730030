import { describe, expect, it } from 'vitest';
import { MentionsApi } from './mentions';
import { answering, failureOf } from '../testing/fakeApi';

describe('MentionsApi', () => {
  it('asks for the unseen mentions or all of them, and marks one seen by its id', async () => {
    const { calls, client } = answering(200, []);
    const api = new MentionsApi(client);
    await api.mine(true);
    await api.mine(false);
    await api.seen('m/1');
    expect(calls.map((c) => [c.init.method, c.url])).toEqual([
      ['GET', '/api/mentions?unseen=true'],
      ['GET', '/api/mentions?unseen=false'],
      ['POST', '/api/mentions/m%2F1/seen'],
    ]);
    expect(calls[2].init.body).toBeUndefined();
  });

  it('says a mention that is not the person\'s is not theirs to see, not that a conversation is missing', async () => {
    const gone = answering(404, { status: 404, detail: 'No such mention.' });
    const problem = await failureOf(new MentionsApi(gone.client).seen('m1'));
    expect(problem.plainMessage).toBe('This mention is no longer yours to see. Look at the list again.');
  });
});
