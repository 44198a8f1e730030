import { describe, expect, it } from 'vitest';
import { nextRow, shortcutFor, type KeyPress } from './shortcuts';

const press = (key: string, more: Partial<KeyPress> = {}): KeyPress => ({
  key, ctrlKey: false, metaKey: false, altKey: false, target: { tagName: 'BODY' }, onInboxRow: false, ...more,
});

describe('keyboard shortcuts', () => {
  it('moves with j/k anywhere and with the arrows from an inbox row', () => {
    expect(shortcutFor(press('j'))).toBe('next');
    expect(shortcutFor(press('k'))).toBe('previous');
    expect(shortcutFor(press('ArrowDown'))).toBeNull();
    expect(shortcutFor(press('ArrowDown', { onInboxRow: true, target: { tagName: 'A' } }))).toBe('next');
    expect(shortcutFor(press('ArrowUp', { onInboxRow: true, target: { tagName: 'A' } }))).toBe('previous');
  });

  it('claims, replies, resolves and lists them', () => {
    expect(['c', 'r', 'e', '?', 'Escape', 'x'].map((key) => shortcutFor(press(key)))).toEqual(['claim', 'reply', 'resolve', 'help', 'close', null]);
  });

  it('never fires while typing in a field, nor with Ctrl, ⌘ or Alt', () => {
    for (const tagName of ['INPUT', 'TEXTAREA', 'SELECT']) {
      expect(shortcutFor(press('c', { target: { tagName } }))).toBeNull();
      expect(shortcutFor(press('?', { target: { tagName, type: 'text' } }))).toBeNull();
    }
    expect(shortcutFor(press('e', { target: { tagName: 'DIV', isContentEditable: true } }))).toBeNull();
    expect(shortcutFor(press('c', { ctrlKey: true }))).toBeNull();
    expect(shortcutFor(press('r', { metaKey: true }))).toBeNull();
    expect(shortcutFor(press('j', { altKey: true }))).toBeNull();
    // A checkbox or button is not a field typed in; Escape still closes the list from a field.
    expect(shortcutFor(press('j', { target: { tagName: 'INPUT', type: 'checkbox' } }))).toBe('next');
    expect(shortcutFor(press('Escape', { target: { tagName: 'INPUT', type: 'text' } }))).toBe('close');
  });

  it('moves to the first or last row from nowhere and stays at either end', () => {
    expect(nextRow(3, -1, 'next')).toBe(0);
    expect(nextRow(3, -1, 'previous')).toBe(2);
    expect(nextRow(3, 0, 'next')).toBe(1);
    expect(nextRow(3, 2, 'next')).toBe(2);
    expect(nextRow(3, 0, 'previous')).toBe(0);
    expect(nextRow(0, -1, 'next')).toBeNull();
  });
});
