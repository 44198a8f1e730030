import { describe, expect, it } from 'vitest';
import { actionWords, chainWords, filtersFrom, pageWords } from './auditWords';

const empty = { conversationId: '', actor: '', action: '', from: '', to: '' };

describe('audit search in words', () => {
  it('turns the form into filters: trimmed, empty ones left out, local times as instants', () => {
    const read = filtersFrom({ ...empty, actor: ' frontdesk.north ', action: 'conversation.read', from: '2026-12-01T09:00' });
    expect(read).toEqual({
      filters: {
        conversationId: undefined,
        actor: 'frontdesk.north',
        action: 'conversation.read',
        from: new Date('2026-12-01T09:00').toISOString(),
        to: undefined,
      },
    });
  });

  it('refuses a period that ends before it starts, or a half-typed date, in words', () => {
    expect(filtersFrom({ ...empty, from: '2026-12-02T09:00', to: '2026-12-01T09:00' })).toEqual({ problem: '"From" must be before "To".' });
    expect(filtersFrom({ ...empty, from: '2026-12-02T09:00', to: '2026-12-02T09:00' })).toEqual({ problem: '"From" must be before "To".' });
    expect(filtersFrom({ ...empty, to: 'Friday' })).toEqual({ problem: 'Enter the dates and times in full, or leave them empty.' });
  });

  it('names actions in words, and shows an unknown one as its code', () => {
    expect(actionWords('conversation.read')).toBe('Read a conversation');
    expect(actionWords('message.routed')).toBe('message.routed');
  });

  it('counts pages', () => {
    expect(pageWords(0, 50, 3, 3, 'entries')).toBe('Entries 1–3 of 3.');
    expect(pageWords(1, 50, 50, 230, 'reads')).toBe('Reads 51–100 of 230.');
    expect(pageWords(0, 50, 0, 0, 'entries')).toBe('No entries match.');
  });

  it('says whether the chain holds, and where it broke', () => {
    expect(chainWords({ intact: true, entries: 12 })).toContain('intact: all 12 entries check out');
    expect(chainWords({ intact: false, firstBrokenSeq: 7, problem: 'entry altered' })).toBe(
      'The audit log is broken at entry 7: entry altered. Report this to your security officer.',
    );
  });
});
