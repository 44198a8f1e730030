import { describe, expect, it } from 'vitest';
import { ConversationsApi } from '../api/conversations';
import { answering } from '../testing/fakeApi';
import { noteParts } from './mentions';

describe('notes', () => {
  it('sets apart the colleagues the service told, ending a mention at a full stop', () => {
    expect(noteParts('Can you call her back, @Nurse.Nell? Thanks @provider.', ['nurse.nell', 'provider'])).toEqual([
      { text: 'Can you call her back, ' },
      { text: '@Nurse.Nell', mention: 'nurse.nell' },
      { text: '? Thanks ' },
      { text: '@provider', mention: 'provider' },
      { text: '.' },
    ]);
  });

  it('leaves e-mail addresses and names nobody was told about as text', () => {
    expect(noteParts('Wrote to jo@example.org and @nobody', [])).toEqual([{ text: 'Wrote to jo@example.org and @nobody' }]);
    expect(noteParts('', [])).toEqual([]);
  });

  it('posts a note to its conversation', async () => {
    const { calls, client } = answering(201, { id: 'n1' });
    await new ConversationsApi(client).addNote('c1', 'Call back @nurse');
    expect([calls[0].init.method, calls[0].url, calls[0].init.body]).toEqual(['POST', '/api/conversations/c1/notes', '{"text":"Call back @nurse"}']);
  });
});
